// Progressive extras; every page works without this file.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  // Today's date in the citation's language: dd/mm/yyyy in Vietnamese,
  // "26 November 2026" in English.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  function today(en) {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    if (en) return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
    return two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
  }
  // The citation's text with the access date filled in at copy time (the
  // page itself never carries a date from the clock).
  function citationText(p, en) {
    var copy = p.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
    copy.querySelectorAll(".accessed").forEach(function (s) { s.textContent = today(en); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  document.querySelectorAll(".citation").forEach(function (p) {
    // The citation's language: its own `lang`, else the page's.
    var en = (p.closest("[lang]") || document.documentElement).getAttribute("lang") === "en";
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = en ? "Copy" : "Sao chép";
    b.setAttribute("aria-label", en ? "Copy the English citation" : "Sao chép trích dẫn tiếng Việt");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(citationText(p, en)).then(function () {
        b.textContent = en ? "Copied" : "Đã sao chép";
      });
    });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(b);
  });
})();
