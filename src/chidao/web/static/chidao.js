// chidao: small progressive enhancements; every page works without this script.
"use strict";
document.documentElement.classList.add("js"); // the pages' CSS may rely on the enhancements below
document.addEventListener("DOMContentLoaded", () => {
  // File fields behind a Vietnamese "Chọn tệp" button (partials/file_input.html): list the names.
  document.querySelectorAll(".file-pick input[type=file]").forEach((input) => {
    const names = document.getElementById(`${input.id}-names`);
    input.addEventListener("change", () => {
      const files = Array.from(input.files).map((file) => file.name);
      names.textContent = files.length === 0 ? "Chưa chọn tệp nào"
        : files.length === 1 ? files[0] : `${files.length} tệp: ${files.join(", ")}`;
    });
  });
  // Buttons that ask before a destructive action: <button data-confirm="Xóa nhiệm vụ này?">
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.dataset.confirm)) event.preventDefault();
    });
  });
});
