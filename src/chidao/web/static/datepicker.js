// chidao: a date picker of our own for text fields typed dd/mm/yyyy, whatever the browser's
// locale (a native <input type="date"> shows mm/dd/yyyy in an English browser). Without this
// script the field is still a text field the server reads as dd/mm/yyyy.
//   <input type="text" data-datepicker placeholder="dd/mm/yyyy" ...>
"use strict";
(() => {
  // Monday first; the catalogue writes each list comma-separated.
  const list = (text) => text.split(",").map((word) => word.trim());
  const DAYS = list(chidaoMessage("datepicker.days_short"));
  const DAY_NAMES = list(chidaoMessage("datepicker.days"));
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

  function icon() {
    // A calendar drawn in SVG: an emoji may have no glyph on an office's computer.
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 1v2M12 1v2M1.5 3.5h13v11h-13zM1.5 6.5h13M4 9h2M7 9h2M10 9h2M4 12h2M7 12h2");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "1.4");
    svg.append(path);
    return svg;
  }

  function build(input) {
    const wrap = document.createElement("span");
    wrap.className = "datepicker-wrap";
    input.insertAdjacentElement("beforebegin", wrap);
    wrap.append(input);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "datepicker-open";
    button.append(icon());
    button.setAttribute("aria-label", chidaoMessage("datepicker.open"));
    button.setAttribute("aria-haspopup", "dialog");
    input.insertAdjacentElement("afterend", button);
    const panel = document.createElement("div");
    panel.className = "datepicker";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", chidaoMessage("datepicker.dialog"));
    button.insertAdjacentElement("afterend", panel);
    let shown = null; // the first day of the month on screen
    let focus = null; // the day with the keyboard focus

    function render() {
      panel.replaceChildren();
      const head = document.createElement("div");
      head.className = "datepicker-head";
      const prev = Object.assign(document.createElement("button"), { type: "button", textContent: "‹" });
      prev.setAttribute("aria-label", chidaoMessage("datepicker.previous_month"));
      const next = Object.assign(document.createElement("button"), { type: "button", textContent: "›" });
      next.setAttribute("aria-label", chidaoMessage("datepicker.next_month"));
      const title = document.createElement("span");
      title.className = "datepicker-title";
      title.setAttribute("aria-live", "polite");
      title.textContent = chidaoMessage("datepicker.month_year", { month: shown.getMonth() + 1, year: shown.getFullYear() });
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
          pick.setAttribute("aria-label", chidaoMessage("datepicker.day", { name: DAY_NAMES[i], date: format(day) }));
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
      if (!panel.hidden && !panel.contains(event.target) && !button.contains(event.target)) panel.hidden = true;
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("input[data-datepicker]").forEach(build);
  });
})();
