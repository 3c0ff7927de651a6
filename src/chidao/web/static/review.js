// chidao review page: smooth jumps between a task (or an unassigned passage) and its place in
// the text, a short highlight of where you land, adding an autocompleted agency name to its
// list, and forms that should post once.
// Everything here is optional: anchors (#src-N, #task-N) and plain form posts work without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const root = document.querySelector("[data-review]");
  if (!root) return;
  root.classList.add("enhanced"); // the script now shows where a jump lands (see review.css)
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function spotlight(el) {
    el.classList.remove("active");
    void el.offsetWidth; // restart the highlight when the same target is chosen again
    el.classList.add("active");
    window.setTimeout(() => el.classList.remove("active"), 2500);
  }

  function jump(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    el.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "center" });
    el.focus({ preventScroll: true });
    spotlight(el);
    history.replaceState(null, "", "#" + id);
    return true;
  }

  root.addEventListener("click", (event) => {
    const link = event.target.closest(
      'a[href^="#src-"], a[href^="#task-"], a[href^="#passage-"], a[href^="#unassigned-"]'
    );
    if (link) {
      if (jump(link.getAttribute("href").slice(1))) event.preventDefault();
      return;
    }
    if (window.getSelection().toString()) return; // selecting text is not a click on a passage
    const mark = event.target.closest("mark[data-task], mark[data-passage]");
    if (mark) jump(mark.dataset.task ? "task-" + mark.dataset.task : "unassigned-" + mark.dataset.passage);
  });

  // "Tạo nhiệm vụ" posts once: a second click while the page reloads would only be refused.
  root.querySelectorAll("form[data-once]").forEach((form) => {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]");
      if (!button) return;
      window.setTimeout(() => { button.disabled = true; }, 0); // after the browser took the click
      button.textContent = chidaoMessage("review.creating");
    });
  });

  // A name chosen in "Thêm ... từ danh mục" goes onto its own line of the list above it.
  function addName(input) {
    const list = document.getElementById(input.dataset.addTo);
    const name = input.value.trim();
    if (!list || !name) return;
    const names = list.value.split("\n").map((line) => line.trim()).filter(Boolean);
    if (!names.includes(name)) names.push(name);
    list.value = names.join("\n");
    input.value = "";
  }
  root.querySelectorAll("input[data-add-to]").forEach((input) => {
    input.addEventListener("change", () => addName(input));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // add the name instead of submitting the form
        addName(input);
      }
    });
  });

  if (location.hash.length > 1) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) spotlight(target);
  }
});
