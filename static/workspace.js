// The workspace's keyboard shortcuts and live Easy Japanese feedback.
// Everything also works without this file (buttons, links, the "Check"
// button): it only saves keystrokes and round trips.
(function () {
  "use strict";
  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey)) return;
    if (ev.key === "Enter" && ev.shiftKey) { if (click("approve")) ev.preventDefault(); return; }
    if (ev.key === "Enter" && ev.target && ev.target.id === "text") { if (click("save-next")) ev.preventDefault(); return; }
    if (ev.shiftKey && ev.key === "ArrowDown") { if (click("skip")) ev.preventDefault(); return; }
    if (ev.shiftKey && ev.key === "ArrowUp") { if (click("prev")) ev.preventDefault(); }
  });

  // Easy Japanese: ask the server for feedback 600 ms after typing stops.
  var form = document.getElementById("editor-form");
  var box = document.getElementById("feedback");
  if (!form || !box || !form.dataset.check) return;
  var text = document.getElementById("text");
  var token = form.querySelector("input[name=csrf_token]");
  var timer = null, seq = 0;
  text.addEventListener("input", function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++seq;
      var body = new URLSearchParams();
      body.set("text", text.value);
      body.set("csrf_token", token.value);
      fetch(form.dataset.check, { method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": token.value } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null && mine === seq) box.innerHTML = html; })
        .catch(function () { /* the Check button still works */ });
    }, 600);
  });
})();
