/*! kintl-pub embed.js: sizes kintl-pub embeds (iframes marked data-kintl-embed)
 * to their content.  No dependencies.  Protocol (README, "Embeds"):
 *   embedded page -> parent: {type: "kintl:height", height: <CSS px>}
 *     on load and whenever its size changes;
 *   this script -> embedded page: {type: "kintl:hello"} when it starts or an
 *     iframe loads (the page answers with its height).
 * A height counts only when it comes from a managed iframe's own window
 * (event.source) AND that iframe's origin (event.origin); anything else is
 * ignored.  Without this script the iframes keep their height and scroll. */
(function () {
  "use strict";
  if (window.kintlEmbed) { window.kintlEmbed.scan(); return; } // a second snippet on the page
  var MIN = 80, MAX = 40000;

  function frames() { return document.querySelectorAll("iframe[data-kintl-embed]"); }

  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }

  function hello(frame) {
    var origin = originOf(frame);
    // targetOrigin = the embed's origin: nothing is sent to a page that is not ours
    if (origin && origin !== "null" && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: "kintl:hello" }, origin);
    }
  }

  function onLoad(ev) { hello(ev.target); }

  window.addEventListener("message", function (ev) {
    var d = ev.data;
    if (!d || typeof d !== "object" || d.type !== "kintl:height") return;
    var h = d.height;
    if (typeof h !== "number" || !isFinite(h)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (f.contentWindow === ev.source && originOf(f) === ev.origin) {
        // the host page may size iframes border-box: add their frame
        var cs = getComputedStyle(f), extra = 0;
        if (cs.boxSizing === "border-box") {
          extra = parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth) +
            parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
        }
        // CSSOM, not a style attribute: allowed under the host page's CSP
        f.style.height = Math.round(Math.min(MAX, Math.max(MIN, h)) + extra) + "px";
        return;
      }
    }
  });

  function scan() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (!f.hasAttribute("data-kintl-bound")) {
        f.setAttribute("data-kintl-bound", "");
        f.addEventListener("load", onLoad);
        hello(f); // in case it loaded before this script ran
      }
    }
  }

  window.kintlEmbed = { scan: scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
