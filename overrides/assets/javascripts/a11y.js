/*
 * Keyboard access to wide tables (axe rule scrollable-region-focusable).
 *
 * Material wraps every content table in div.md-typeset__scrollwrap, which
 * scrolls sideways on phones but cannot be reached with the keyboard. Make each
 * one a focusable, named region: tabindex=0, role=region, aria-label from the
 * table caption, else "Bảng" (in the page language) plus a number when the
 * page has several tables.
 *
 * Material builds the wrappers after each page load (and after each instant
 * navigation), so run again on its document$ observable when it exists, and
 * watch the content area for wrappers added later.
 */
(function () {
  "use strict";

  var WRAP = ".md-typeset__scrollwrap";
  var LABELS = { vi: "Bảng", en: "Table", km: "តារាង" };

  function baseLabel() {
    var lang = (document.documentElement.lang || "vi").toLowerCase().split("-")[0];
    return LABELS[lang] || LABELS.vi;
  }

  function apply() {
    var wraps = document.querySelectorAll(WRAP);
    var fallback = baseLabel();
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (!wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
      if (!wrap.hasAttribute("role")) wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label") && !wrap.hasAttribute("aria-labelledby")) {
        var caption = wrap.querySelector("caption");
        var text = caption ? caption.textContent.replace(/\s+/g, " ").trim() : "";
        if (!text) text = wraps.length > 1 ? fallback + " " + (i + 1) : fallback;
        wrap.setAttribute("aria-label", text);
      }
    }
  }

  var observer = null;

  function watch() {
    if (observer || typeof MutationObserver === "undefined") return;
    var scheduled = false;
    observer = new MutationObserver(function () {
      if (scheduled) return;
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        apply();
      });
    });
    var root = document.querySelector("[data-md-component=container]") || document.body;
    observer.observe(root, { childList: true, subtree: true });
  }

  function run() {
    apply();
    watch();
  }

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
