// Mamori's pages work without this script; it only adds comforts. No inline script is allowed by
// the pages' Content-Security-Policy, so everything is wired here.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // A finding's page: bring the highlighted line of the model into view.
  // Only the file's own box scrolls: the page stays at the top, where the finding is explained.
  var hit = document.querySelector(".source .hit");
  if (hit) {
    var box = hit.closest("pre");
    box.scrollTop = Math.max(0, hit.offsetTop - box.clientHeight / 2);
  }
  // The token shown once: a button that copies it.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      if (!field) {
        return;
      }
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Select and copy";
        });
      } else {
        button.textContent = "Selected: copy it";
      }
    });
  });
  // The map: a system of one's own opens from its box as from its row in the table (the row's link
  // is the one that works without this script). The box is reached by keyboard and opened with Enter.
  document.querySelectorAll("figure.map g[data-id]").forEach(function (box) {
    var id = box.getAttribute("data-id");
    var link = Array.prototype.find.call(document.querySelectorAll("a[data-system]"), function (a) {
      return a.getAttribute("data-system") === id;
    });
    if (!link) {
      return;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "link");
    box.setAttribute("aria-label", "Open system " + id);
    box.classList.add("opens");
    var go = function () {
      window.location.assign(link.href);
    };
    box.addEventListener("click", go);
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        go();
      }
    });
  });
  document.body.setAttribute("data-ready", "true");
});
