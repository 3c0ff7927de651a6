// chidao review table: the keys (j/k move, x selects, Enter edits, Esc cancels, ? shows the
// keys), the document text following the current row, and a row's edit posted with fetch and
// swapped in place. Everything here is optional: without it "Sửa" opens the row as a form
// (?edit=ID), and the row and bulk forms are plain posts that come back to the table.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const table = document.getElementById("review-table");
  if (!table) return;
  const body = table.tBodies[0];
  const docText = document.getElementById("doc-text");
  const status = document.getElementById("table-status");
  const help = document.getElementById("keys-help");
  const count = document.getElementById("bulk-count");
  const editable = table.hasAttribute("data-editable");
  const saved = new Map(); // task id → its display row, while the row is being edited
  const ROW_HEADER = "X-Review-Row";
  let current = null;

  const rows = () => Array.from(body.querySelectorAll("tr[data-task]"));
  const say = (text) => { status.textContent = ""; window.setTimeout(() => { status.textContent = text; }, 50); };
  const numberOf = (row) => row.querySelector(".col-num").textContent.trim();

  // The text pane scrolls (by itself, not the page) to the current task's passage and marks it.
  function follow(row) {
    if (!docText) return;
    docText.querySelectorAll("mark.is-followed").forEach((m) => m.classList.remove("is-followed"));
    const mark = document.getElementById("src-" + row.dataset.task);
    if (!mark) return;
    mark.classList.add("is-followed");
    const top = mark.getBoundingClientRect().top - docText.getBoundingClientRect().top + docText.scrollTop;
    docText.scrollTop = Math.max(0, top - docText.clientHeight / 3);
  }

  function setCurrent(row, focus = true) {
    if (!row) return;
    if (current && current !== row) current.classList.remove("is-current");
    current = row;
    row.classList.add("is-current");
    if (focus && !row.contains(document.activeElement)) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
    follow(row);
  }

  function move(step) {
    const all = rows();
    const at = current ? all.indexOf(current) : -1;
    const next = all[Math.min(all.length - 1, Math.max(0, at + step))];
    setCurrent(next);
  }

  function picked() { return rows().filter((r) => r.querySelector("input[name=pick]:checked")); }

  function countPicked() {
    const n = picked().length;
    if (count) count.textContent = n ? chidaoMessage("review_table.picked", { count: n }) : chidaoMessage("review_table.none_picked");
  }

  function markPicked(row) {
    const box = row.querySelector("input[name=pick]");
    row.setAttribute("aria-selected", box && box.checked ? "true" : "false");
  }

  function toggle(row) {
    const box = row && row.querySelector("input[name=pick]");
    if (!box) return;
    box.checked = !box.checked;
    markPicked(row);
    countPicked();
  }

  // A row as the server drew it (the review page answers one row when asked with ROW_HEADER).
  async function fetchRow(url, { rowId, ...init }) {
    const response = await fetch(url, { ...init, credentials: "same-origin", headers: { [ROW_HEADER]: rowId } });
    const template = document.createElement("template");
    template.innerHTML = (await response.text()).trim();
    // Only the row asked for: anything else (a whole page: the task is gone, the session ended)
    // is left to the page itself.
    const row = template.content.querySelector(`tr[data-task="${rowId}"]`);
    const whole = template.content.querySelectorAll("tr[data-task]").length > 1;
    return { response, row: whole ? null : row };
  }

  function bindConfirms(row) {
    row.querySelectorAll("[data-confirm]").forEach((el) => {
      el.addEventListener("click", (event) => { if (!window.confirm(el.dataset.confirm)) event.preventDefault(); });
    });
  }

  function swap(old, row) {
    const wasPicked = old.querySelector("input[name=pick]:checked");
    old.replaceWith(row);
    const box = row.querySelector("input[name=pick]");
    if (box && wasPicked) box.checked = true; // still ticked, now with the row's new version
    markPicked(row);
    bindConfirms(row);
    if (current === old) current = null;
    setCurrent(row);
  }

  async function edit(row) {
    if (!editable || !row || row.classList.contains("is-editing")) return;
    const id = row.dataset.task;
    const url = `${location.pathname}?view=table&edit=${id}`;
    try {
      const { response, row: form } = await fetchRow(url, { rowId: id });
      if (!response.ok || !form) throw new Error("no row");
      saved.set(id, row);
      swap(row, form);
      const first = form.querySelector("textarea");
      if (first) first.focus();
      say(chidaoMessage("review_table.editing", { number: numberOf(form) }));
    } catch (error) {
      location.href = url + "#task-" + id; // the page itself opens the row as a form
    }
  }

  function cancel(row) {
    const id = row.dataset.task;
    const before = saved.get(id);
    if (!before) { location.href = `${location.pathname}?view=table#task-${id}`; return; }
    saved.delete(id);
    swap(row, before);
    say(chidaoMessage("review_table.edit_cancelled", { number: numberOf(before) }));
  }

  async function save(form) {
    const row = form.closest("tr[data-task]");
    const id = row.dataset.task;
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      const { response, row: fresh } = await fetchRow(form.action, { method: "POST", body: new FormData(form), rowId: id });
      if (!fresh) throw new Error("no row");
      swap(row, fresh);
      if (response.ok) {
        saved.delete(id);
        say(new URL(response.url).searchParams.get("msg") || chidaoMessage("review_table.saved"));
      } else {
        const error = fresh.querySelector(".error");
        say(error ? error.textContent.trim() : chidaoMessage("review_table.not_saved"));
      }
    } catch (error) {
      form.submit(); // let the page answer (and explain) as it does without the script
    }
  }

  body.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-row-form]");
    if (!form) return;
    event.preventDefault();
    save(form);
  });

  body.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-row-edit], a[data-row-cancel]");
    if (link) {
      event.preventDefault();
      const row = link.closest("tr[data-task]");
      if (link.hasAttribute("data-row-edit")) edit(row); else cancel(row);
      return;
    }
    const row = event.target.closest("tr[data-task]");
    if (row) setCurrent(row, !event.target.closest("a, button, input, textarea, select, summary"));
  });

  body.addEventListener("change", (event) => {
    if (event.target.name !== "pick") return;
    const row = event.target.closest("tr[data-task]");
    markPicked(row);
    countPicked();
  });

  // Focus landing in a row (a jump from the text, a Tab) makes it the current row.
  body.addEventListener("focusin", (event) => {
    const row = event.target.closest("tr[data-task]");
    if (row && row !== current) setCurrent(row, false);
  });

  const typing = (el) => el.closest && el.closest("textarea, select, [contenteditable], input:not([type=checkbox])");

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (event.key === "Escape") {
      const row = target.closest && target.closest("tr.is-editing");
      if (row) { event.preventDefault(); cancel(row); return; }
      if (help.open) { help.open = false; return; }
      return;
    }
    if (typing(target)) return;
    switch (event.key) {
      case "j": event.preventDefault(); move(1); break;
      case "k": event.preventDefault(); move(-1); break;
      case "x":
        if (!editable) return;
        event.preventDefault();
        if (!current) move(0);
        if (!current) return;
        toggle(current);
        const fields = { number: numberOf(current), count: count ? count.textContent : "" };
        say(current.getAttribute("aria-selected") === "true"
          ? chidaoMessage("review_table.row_picked", fields) : chidaoMessage("review_table.row_unpicked", fields));
        break;
      case "Enter":
        if (!current || (target !== document.body && !target.matches("tr[data-task], input[name=pick]"))) return;
        event.preventDefault();
        edit(current);
        break;
      case "?":
        event.preventDefault();
        help.open = !help.open;
        if (help.open) help.querySelector("summary").focus();
        break;
      default:
    }
  });

  rows().forEach(markPicked);
  if (editable) countPicked();
  // Coming back to a row (#task-N after a save) makes it current; else the first row.
  const landed = location.hash.startsWith("#task-") && document.getElementById(location.hash.slice(1));
  const start = landed && landed.matches("tr[data-task]") ? landed : rows()[0];
  if (start) setCurrent(start, Boolean(landed));
  const opened = body.querySelector("tr.is-editing textarea");
  if (opened) opened.focus();
});
