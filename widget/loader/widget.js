/*
 * FeedbackBubble loader: the one <script> a shop embeds.
 *
 *   <script src=".../widget.js" data-site="pk_..." data-endpoint="https://..." async></script>
 *
 * It paints the bubble at once inside the widget's shadow root and defines
 * window.FeedbackBubble (calls made before the app has loaded are queued
 * and replayed). The wasm app next to this file loads on intent
 * (hover, focus, touch, click, or an API call that shows the panel) or
 * once the page is loaded and the browser idle, unless the shopper asked
 * to save data. Performance marks: feedback-bubble:bubble and :panel.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.FeedbackBubble && window.FeedbackBubble.__loaded) return;
  var perf = window.performance || {};
  function mark(name) { if (perf.mark) perf.mark("feedback-bubble:" + name); }
  function measure(name, from, to) {
    try { perf.measure("feedback-bubble:" + name, "feedback-bubble:" + from, "feedback-bubble:" + to); } catch (err) {}
  }
  function afterPaint(fn) { requestAnimationFrame(function () { requestAnimationFrame(fn); }); }
  mark("start");

  // The bubble's name before the app has its copy: `bubble-open` of each
  // locales/<tag>/widget.ftl, filled in by `cargo xtask build-widget`.
  var LABELS = {/* bubble-open */};
  // The app this loader was built with: its files, named by their content
  // (so they are cached as immutable), and the wasm's Subresource
  // Integrity hash, which the browser checks. Filled in by the build.
  var APP = {/* app-files */};
  var base = new URL(".", script.src).href;
  var options = {
    site: script.getAttribute("data-site"),
    endpoint: script.getAttribute("data-endpoint"),
    locale: script.getAttribute("data-locale"),
    // Whether the shopper clicked the bubble and waits for the panel: the
    // app then starts in one go instead of in short tasks.
    waiting: function () { return clicked; }
  };

  var listeners = {};
  var queue = [];
  var app = null;
  var loading = null;
  var clicked = false;

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (err) { console.error("FeedbackBubble listener for " + name + " threw", err); }
    });
  }

  function call(method, args) {
    if (!app) {
      queue.push([method, args]);
      if (method === "open" || method === "toggle" || method === "resolve") load();
      return;
    }
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
    setContext: function (context) { call("setContext", [context]); },
    resolve: function (options) { call("resolve", [options || {}]); },
    setLocale: function (tag) { call("setLocale", [String(tag)]); },
    reset: function () { call("reset", []); }
  };
  window.FeedbackBubble = api;

  // A custom element (no host `div {}` rule matches it) placed with
  // !important inline declarations (set through CSSOM, so a strict CSP
  // without 'unsafe-inline' allows them), which beat any host stylesheet.
  var host = document.createElement("feedback-bubble");
  host.setAttribute("data-feedback-bubble", "");
  // data-position="left|right" (default right); data-color="#1f6feb" (hex only).
  var left = script.getAttribute("data-position") === "left";
  var color = script.getAttribute("data-color") || "";
  host.setAttribute("data-position", left ? "left" : "right");
  // Clear of a phone's notch and home indicator (env() is 0 elsewhere).
  var side = left ? "left" : "right";
  [["all", "initial"], ["display", "block"], ["position", "fixed"], ["z-index", "2147483000"],
    ["bottom", "calc(20px + env(safe-area-inset-bottom))"],
    [side, "calc(20px + env(safe-area-inset-" + side + "))"]].forEach(function (pair) {
    host.style.setProperty(pair[0], pair[1], "important");
  });
  if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color)) host.style.setProperty("--fb-brand", color);
  var root = host.attachShadow({ mode: "open" });

  // The bubble, painted now; the app's own bubble replaces it.
  var css = ".fb-stub{all:initial;width:56px;height:56px;border-radius:50%;background:var(--fb-brand,#1f6feb);" +
    "color:#fff;display:grid;place-items:center;box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer}" +
    ".fb-stub svg{width:26px;height:26px;fill:currentColor}" +
    ".fb-stub:focus-visible{outline:3px solid var(--fb-brand,#1f6feb);outline-offset:2px}";
  if (root.adoptedStyleSheets && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    var style = document.createElement("style");
    style.textContent = css;
    root.appendChild(style);
  }
  function label() {
    var wanted = [options.locale].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var tag = wanted[i];
      if (!tag) continue;
      if (LABELS[tag]) return LABELS[tag];
      for (var known in LABELS) if (known.split("-")[0] === tag.split("-")[0]) return LABELS[known];
    }
    return LABELS["en-US"] || "";
  }
  var stub = document.createElement("button");
  stub.type = "button";
  stub.className = "fb-stub";
  stub.setAttribute("aria-label", label());
  stub.setAttribute("aria-expanded", "false");
  stub.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z"/></svg>';
  root.appendChild(stub);
  (document.body || document.documentElement).appendChild(host);
  afterPaint(function () { mark("bubble-painted"); measure("bubble", "start", "bubble-painted"); });

  function load() {
    if (loading) return loading;
    mark("app-requested");
    loading = import(base + APP.js)
      .then(function (module) {
        var wasm = fetch(base + APP.wasm, { integrity: APP.wasmIntegrity });
        return module.default({ module_or_path: wasm }).then(function () {
          return module.mount(root, options, emit);
        });
      })
      .then(function (widget) {
        app = widget;
        var hadFocus = root.activeElement === stub;
        root.removeChild(stub);
        var pending = queue;
        queue = [];
        pending.forEach(function (entry) { call(entry[0], entry[1]); });
        var bubble = root.querySelector(".fb-bubble");
        if (hadFocus && !clicked && bubble) bubble.focus();
        emit("ready", { conversationId: app.conversationId });
        if (clicked) afterPaint(function () { mark("panel-ready"); measure("panel", "clicked", "panel-ready"); });
      })
      .catch(function (err) {
        console.error("FeedbackBubble failed to start:", err && err.message || err);
      });
    return loading;
  }

  ["pointerenter", "focus", "touchstart"].forEach(function (type) {
    stub.addEventListener(type, load, { once: true, passive: true });
  });
  stub.addEventListener("click", function () {
    clicked = true;
    mark("clicked");
    call("open", []);
  });
  var connection = navigator.connection;
  if (!(connection && connection.saveData)) {
    var whenIdle = function () {
      (window.requestIdleCallback || function (fn) { setTimeout(fn, 1500); })(load, { timeout: 10000 });
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
  }
})();
