/*
 * Old Android browsers have no ResizeObserver. Material then downloads a
 * polyfill from unpkg.com, a request to a third-party host that this site
 * promises never to make. This small stand-in reports sizes when an element is
 * first observed and whenever the window is resized or rotated, which is all
 * the theme needs to lay out its header and sidebars.
 */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") return;

  function FallbackResizeObserver(callback) {
    this.callback = callback;
    this.targets = [];
    this.onResize = this.notify.bind(this, null);
  }

  FallbackResizeObserver.prototype.notify = function (only) {
    var targets = only ? [only] : this.targets;
    var entries = targets.map(function (target) {
      return { target: target, contentRect: target.getBoundingClientRect() };
    });
    if (entries.length) this.callback(entries, this);
  };

  FallbackResizeObserver.prototype.observe = function (target) {
    if (this.targets.indexOf(target) >= 0) return;
    this.targets.push(target);
    if (this.targets.length === 1) {
      window.addEventListener("resize", this.onResize);
      window.addEventListener("orientationchange", this.onResize);
    }
    var self = this;
    window.setTimeout(function () { self.notify(target); }, 0);
  };

  FallbackResizeObserver.prototype.unobserve = function (target) {
    this.targets = this.targets.filter(function (item) { return item !== target; });
    if (!this.targets.length) this.disconnect();
  };

  FallbackResizeObserver.prototype.disconnect = function () {
    this.targets = [];
    window.removeEventListener("resize", this.onResize);
    window.removeEventListener("orientationchange", this.onResize);
  };

  window.ResizeObserver = FallbackResizeObserver;
})();
