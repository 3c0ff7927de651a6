// chidao: small progressive enhancements; every page works without this script.
"use strict";
// The words scripts show come from the message catalogue's [js] section, which the layout writes
// as a JSON block (partials/js_messages.html): chidaoMessage("files.none") is js.files.none,
// its {fields} filled from the second argument ({{ and }} are literal braces).
window.chidaoMessage = (() => {
  let table = null;
  return (key, fields = {}) => {
    if (table === null) {
      const block = document.getElementById("chidao-messages");
      table = block ? JSON.parse(block.textContent) : {};
    }
    const text = table[key];
    if (text === undefined) return key;
    return text.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, name) =>
      name === undefined ? whole[0] : name in fields ? String(fields[name]) : whole);
  };
})();
document.documentElement.classList.add("js"); // the pages' CSS may rely on the enhancements below
document.addEventListener("DOMContentLoaded", () => {
  // File fields behind a Vietnamese "Chọn tệp" button (partials/file_input.html): list the names.
  document.querySelectorAll(".file-pick input[type=file]").forEach((input) => {
    const names = document.getElementById(`${input.id}-names`);
    input.addEventListener("change", () => {
      const files = Array.from(input.files).map((file) => file.name);
      names.textContent = files.length === 0 ? chidaoMessage("files.none")
        : files.length === 1 ? files[0] : chidaoMessage("files.several", { count: files.length, names: files.join(", ") });
    });
  });
  // Buttons that ask before a destructive action: <button data-confirm="Xóa nhiệm vụ này?">
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.dataset.confirm)) event.preventDefault();
    });
  });
});
