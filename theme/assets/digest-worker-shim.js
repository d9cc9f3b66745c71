/* digest, offline builds only (plugin option `offline: true`). Chromium will not start a
   Web Worker from a page opened as file://, and Material's search runs in one. This
   stand-in runs the worker's script in a hidden frame of the same page and passes the
   messages both ways, so search works from a folder. Material's offline plugin points at
   a CDN copy of iframe-worker for this; a briefing on a stick must not need the network.
   Served over http(s) the real Worker is kept. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") return;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.queue = [];
      this.ready = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.title = "search worker";
      (document.body || document.documentElement).appendChild(this.frame);
      var scope = (this.scope = this.frame.contentWindow);
      var worker = this;
      scope.postMessage = function (data) {
        setTimeout(function () {
          worker.emit("message", data);
        });
      };
      scope.importScripts = function () {
        throw new Error("importScripts is not available to an offline search worker");
      };
      var script = scope.document.createElement("script");
      script.src = new URL(String(url), location.href).href;
      script.onload = function () {
        worker.ready = true;
        worker.queue.splice(0).forEach(function (data) {
          worker.deliver(data);
        });
      };
      script.onerror = function () {
        worker.emit("error", "could not load " + script.src);
      };
      scope.document.head.appendChild(script);
    }

    emit(type, data) {
      var event =
        type === "message" ? new MessageEvent("message", { data: data }) : new ErrorEvent("error", { message: data });
      var handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }

    deliver(data) {
      this.scope.dispatchEvent(new this.scope.MessageEvent("message", { data: data }));
    }

    postMessage(data) {
      if (this.ready) this.deliver(data);
      else this.queue.push(data);
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;

  // Material also asks for sitemap.xml (to tell its own pages from others when it
  // handles links), which a page opened from file:// may not request: it gets an empty
  // sitemap instead of a blocked request and a console error, and links stay links.
  var EMPTY_SITEMAP =
    "data:application/xml," +
    encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>');
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(new URL(String(url), location.href).pathname)) args[1] = EMPTY_SITEMAP;
    return open.apply(this, args);
  };
})();
