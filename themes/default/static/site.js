// Progressive extras; every page works without this file.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  // Today's date as dd/mm/yyyy, the site's one date format.
  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
  }
  // The citation's text with the access date filled in at copy time (the
  // page itself never carries a date from the clock).
  function citationText(p) {
    var copy = p.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
    copy.querySelectorAll(".accessed").forEach(function (s) { s.textContent = today(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  document.querySelectorAll(".citation").forEach(function (p) {
    var en = p.getAttribute("lang") === "en";
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = en ? "Copy" : "Sao chép";
    b.setAttribute("aria-label", en ? "Copy the English citation" : "Sao chép trích dẫn tiếng Việt");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(citationText(p)).then(function () {
        b.textContent = en ? "Copied" : "Đã sao chép";
      });
    });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(b);
  });
})();
