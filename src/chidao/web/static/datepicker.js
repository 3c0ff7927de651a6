// chidao: a date picker of our own for text fields typed dd/mm/yyyy, whatever the browser's
// locale (a native <input type="date"> shows mm/dd/yyyy in an English browser). Without this
// script the field is still a text field the server reads as dd/mm/yyyy.
//   <input type="text" data-datepicker placeholder="dd/mm/yyyy" ...>
"use strict";
(() => {
  const MONTHS = ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
    "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"];
  const DAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
  const DAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];
  const pad = (n) => String(n).padStart(2, "0");
  const format = (d) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;

  function parse(text) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || "")
      || /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text || "");
    if (!m) return null;
    const [day, month, year] = m[1].length === 4 ? [+m[3], +m[2], +m[1]] : [+m[1], +m[2], +m[3]];
    const d = new Date(year, month - 1, day);
    return d.getMonth() === month - 1 && d.getDate() === day ? d : null;
  }

  function build(input) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "datepicker-open";
    button.textContent = "📅";
    button.setAttribute("aria-label", "Chọn ngày trên lịch");
    button.setAttribute("aria-haspopup", "dialog");
    input.insertAdjacentElement("afterend", button);
    const panel = document.createElement("div");
    panel.className = "datepicker";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", "Chọn ngày");
    button.insertAdjacentElement("afterend", panel);
    let shown = null; // the first day of the month on screen
    let focus = null; // the day with the keyboard focus

    function render() {
      panel.replaceChildren();
      const head = document.createElement("div");
      head.className = "datepicker-head";
      const prev = Object.assign(document.createElement("button"), { type: "button", textContent: "‹" });
      prev.setAttribute("aria-label", "Tháng trước");
      const next = Object.assign(document.createElement("button"), { type: "button", textContent: "›" });
      next.setAttribute("aria-label", "Tháng sau");
      const title = document.createElement("span");
      title.className = "datepicker-title";
      title.setAttribute("aria-live", "polite");
      title.textContent = `${MONTHS[shown.getMonth()]} năm ${shown.getFullYear()}`;
      prev.addEventListener("click", () => move(0, -1));
      next.addEventListener("click", () => move(0, 1));
      head.append(prev, title, next);
      const grid = document.createElement("table");
      grid.setAttribute("role", "grid");
      const names = grid.createTHead().insertRow();
      DAYS.forEach((d, i) => {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = d;
        th.title = DAY_NAMES[i];
        names.append(th);
      });
      const body = grid.createTBody();
      const start = new Date(shown);
      start.setDate(1 - ((shown.getDay() + 6) % 7)); // back to Monday
      const chosen = parse(input.value);
      for (let week = 0; week < 6; week++) {
        const row = body.insertRow();
        for (let i = 0; i < 7; i++) {
          const day = new Date(start);
          day.setDate(start.getDate() + week * 7 + i);
          const cell = row.insertCell();
          const pick = Object.assign(document.createElement("button"), { type: "button", textContent: day.getDate() });
          pick.dataset.date = format(day);
          pick.setAttribute("aria-label", `${DAY_NAMES[i]}, ${format(day)}`);
          if (day.getMonth() !== shown.getMonth()) pick.className = "other-month";
          if (chosen && format(chosen) === format(day)) pick.setAttribute("aria-pressed", "true");
          pick.tabIndex = focus && format(focus) === format(day) ? 0 : -1;
          pick.addEventListener("click", () => choose(day));
          cell.append(pick);
        }
      }
      panel.append(head, grid);
      const current = panel.querySelector('[tabindex="0"]');
      if (current) current.focus();
    }

    function move(days, months) {
      focus = new Date(focus);
      if (months) focus.setMonth(focus.getMonth() + months, Math.min(focus.getDate(), 28));
      focus.setDate(focus.getDate() + days);
      shown = new Date(focus.getFullYear(), focus.getMonth(), 1);
      render();
    }

    function choose(day) {
      input.value = format(day);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close();
    }

    function open() {
      focus = parse(input.value) || new Date();
      shown = new Date(focus.getFullYear(), focus.getMonth(), 1);
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      render();
    }

    function close() {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      input.focus();
    }

    button.addEventListener("click", () => (panel.hidden ? open() : close()));
    panel.addEventListener("keydown", (event) => {
      const keys = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [-7, 0], ArrowDown: [7, 0],
        PageUp: [0, -1], PageDown: [0, 1] };
      if (event.key === "Escape") {
        close();
      } else if (keys[event.key] && event.target.dataset.date) {
        move(...keys[event.key]);
      } else {
        return;
      }
      event.preventDefault();
    });
    document.addEventListener("click", (event) => {
      if (!panel.hidden && !panel.contains(event.target) && event.target !== button) panel.hidden = true;
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-datepicker]").forEach(build);
  });
})();
