/*
 * FeedbackBubble loader: the one <script> a shop embeds.
 *
 *   <script src=".../widget.js" data-site="pk_..." data-endpoint="https://..." async></script>
 *
 * It creates the widget's shadow root, defines window.FeedbackBubble (calls
 * made before the app has loaded are queued and replayed), then loads the
 * Leptos/WASM app from next to this file and mounts it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.FeedbackBubble && window.FeedbackBubble.__loaded) return;

  var base = new URL(".", script.src).href;
  var options = {
    site: script.getAttribute("data-site"),
    endpoint: script.getAttribute("data-endpoint"),
    locale: script.getAttribute("data-locale")
  };

  var listeners = {};
  var queue = [];
  var app = null;

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (err) { console.error("FeedbackBubble listener for " + name + " threw", err); }
    });
  }

  function call(method, args) {
    if (!app) { queue.push([method, args]); return; }
    try { return app[method].apply(app, args); }
    catch (err) { console.error("FeedbackBubble." + method + ":", err && err.message || err); }
  }

  var api = {
    __loaded: true,
    on: function (name, fn) {
      if (typeof fn !== "function") throw new TypeError("FeedbackBubble.on(name, fn): fn must be a function");
      (listeners[name] = listeners[name] || []).push(fn);
      if (name === "ready" && app) fn({ conversationId: app.conversationId });
    },
    open: function () { call("open", []); },
    close: function () { call("close", []); },
    toggle: function () { call("toggle", []); },
    addMessage: function (message) { call("addMessage", [message]); },
    resolve: function (options) { call("resolve", [options || {}]); },
    setLocale: function (tag) { call("setLocale", [String(tag)]); },
    reset: function () { call("reset", []); }
  };
  window.FeedbackBubble = api;

  // A custom element (no host `div {}` rule matches it) placed by an inline
  // !important style, which beats any host stylesheet.
  var host = document.createElement("feedback-bubble");
  host.setAttribute("data-feedback-bubble", "");
  // data-position="left|right" (default right); data-color="#1f6feb" (hex only).
  var left = script.getAttribute("data-position") === "left";
  var color = script.getAttribute("data-color") || "";
  host.setAttribute("data-position", left ? "left" : "right");
  host.setAttribute("style", "all: initial !important; display: block !important; position: fixed !important;" +
    " z-index: 2147483000 !important; bottom: 20px !important; " + (left ? "left" : "right") + ": 20px !important;" +
    (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color) ? " --fb-brand: " + color + ";" : ""));
  var root = host.attachShadow({ mode: "open" });
  (document.body || document.documentElement).appendChild(host);

  import(base + "app.js")
    .then(function (module) {
      return module.default({ module_or_path: base + "app_bg.wasm" }).then(function () {
        return module.mount(root, options, emit);
      }).then(function (widget) {
        app = widget;
        var pending = queue;
        queue = [];
        pending.forEach(function (entry) { call(entry[0], entry[1]); });
        emit("ready", { conversationId: app.conversationId });
      });
    })
    .catch(function (err) {
      console.error("FeedbackBubble failed to start:", err && err.message || err);
    });
})();
