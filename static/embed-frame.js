// Inside a kintl-pub embed: tell the page that frames it how tall this page
// is, so that page's /embed.js can size the iframe (protocol: README,
// "Embeds", and static/embed.js).  Does nothing when not framed.
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = -1;

  function post(force) {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last && !force) return;
    last = h;
    // "*": the framing site is any of EMBED_ORIGINS, unknown here; the
    // message holds only a height, nothing a stranger could use.
    window.parent.postMessage({ type: "kintl:height", height: h }, "*");
  }

  window.addEventListener("message", function (ev) {
    if (ev.source === window.parent && ev.data && ev.data.type === "kintl:hello") post(true);
  });
  window.addEventListener("load", function () { post(false); });
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(function () { post(false); }).observe(document.documentElement);
  }
  post(false);
})();
