// The upload status page and the uploads list follow the queue by themselves (without
// JavaScript, a <noscript> refresh does the same, more slowly).
(function () {
  "use strict";
  var FINISHED = { done: true, duplicate: true, failed: true };

  function follow(box) {
    var url = box.getAttribute("data-job-url");
    var shown = box.getAttribute("data-status");
    function moveOn() {
      var go = box.getAttribute("data-go");
      if (go) window.setTimeout(function () { window.location.assign(go); }, 1500);
    }
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (job) {
          if (!job) { window.setTimeout(poll, 5000); return; }
          if (job.status !== shown) {
            shown = job.status;
            var badge = document.getElementById("job-status");
            badge.textContent = job.status_label;
            badge.className = "badge job-badge job-" + job.status;
            box.setAttribute("data-status", job.status);
            var note = document.getElementById("job-note");
            if (note && job.status === "running") note.textContent = box.getAttribute("data-running-note");
          }
          if (FINISHED[job.status]) {
            // the server renders what a finished upload leads to (its review, or why it failed)
            window.setTimeout(function () { window.location.reload(); }, 600);
          } else {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    if (FINISHED[shown]) moveOn(); else window.setTimeout(poll, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    var box = document.getElementById("upload-job");
    if (box) follow(box);
    var list = document.getElementById("upload-jobs");
    if (list && list.getAttribute("data-pending") === "1") {
      window.setTimeout(function () { window.location.reload(); }, 3000);
    }
  });
})();
