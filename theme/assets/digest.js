/* digest story pages: provenance markers as keyboard- and pointer-friendly tooltips,
   and a skip link that lands on the story rather than past it. No requests, no state. */
(function () {
  "use strict";
  var tip = document.getElementById("digest-tip");

  function show(marker) {
    tip.textContent = marker.getAttribute("data-tip");
    tip.hidden = false;
    var box = marker.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 8, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function hide() {
    tip.hidden = true;
  }

  if (tip) {
    document.querySelectorAll("sup.digest-prov").forEach(function (marker) {
      marker.setAttribute("data-tip", marker.getAttribute("title") || "");
      marker.removeAttribute("title"); /* one tooltip, not the browser's as well */
      marker.setAttribute("tabindex", "0");
      marker.setAttribute("role", "note");
      marker.setAttribute("aria-describedby", "digest-tip");
      marker.setAttribute("aria-label", marker.getAttribute("data-tip"));
      marker.addEventListener("mouseenter", function () { show(marker); });
      marker.addEventListener("focus", function () { show(marker); });
      marker.addEventListener("mouseleave", hide);
      marker.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); }
    });
  }

  var skip = document.querySelector("a.md-skip");
  if (skip && document.getElementById("story")) {
    skip.setAttribute("href", "#story");
  }
})();
