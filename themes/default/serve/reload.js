// Live reload for `minhbach serve` only: injected by the preview server,
// never part of a built site. Reloads the page after a successful rebuild;
// after a failed one, shows the error in place and keeps the last good page.
(function () {
  "use strict";
  var seen = null;
  var box = null;

  function show(error, title) {
    if (!error) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:99999;max-height:60vh;" +
        "overflow:auto;margin:0;padding:1rem;background:#fff3f3;color:#5c0000;" +
        "border-bottom:3px solid #b00020;font:14px/1.5 monospace;white-space:pre-wrap";
      box.appendChild(document.createElement("strong"));
      box.appendChild(document.createElement("pre"));
      document.body.insertBefore(box, document.body.firstChild);
    }
    // The heading's words come from the server, in the site's language.
    box.querySelector("strong").textContent = title || "";
    box.querySelector("pre").textContent = error;
  }

  function poll() {
    var url = "/__minhbach/wait" + (seen === null ? "" : "?seen=" + seen);
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (seen !== null && s.version !== seen && !s.error) {
          location.reload();
          return;
        }
        seen = s.version;
        show(s.error, s.title);
        poll();
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
