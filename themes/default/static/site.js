// Progressive extras; every page works without this file.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  // Today's date the citation's way: the page gives the pattern of its
  // language's i18n file in data-date ({d} {dd} {m} {mm} {month} {yyyy})
  // and the month names in data-months, so no word lives here.
  function today(p) {
    var d = new Date();
    var months = (p.getAttribute("data-months") || "").split("|");
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var v = {
      d: String(d.getDate()), dd: two(d.getDate()),
      m: String(d.getMonth() + 1), mm: two(d.getMonth() + 1),
      month: months[d.getMonth()] || String(d.getMonth() + 1),
      yyyy: String(d.getFullYear())
    };
    return (p.getAttribute("data-date") || "{yyyy}-{mm}-{dd}")
      .replace(/\{(d|dd|m|mm|month|yyyy)\}/g, function (_, k) { return v[k]; });
  }
  // The citation's text with the access date filled in at copy time (the
  // page itself never carries a date from the clock).
  function citationText(p) {
    var copy = p.cloneNode(true);
    copy.querySelectorAll("button").forEach(function (b) { b.remove(); });
    copy.querySelectorAll(".accessed").forEach(function (s) { s.textContent = today(p); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  document.querySelectorAll(".citation[data-copy]").forEach(function (p) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = p.getAttribute("data-copy");
    b.setAttribute("aria-label", p.getAttribute("data-copy-label") || p.getAttribute("data-copy"));
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(citationText(p)).then(function () {
        b.textContent = p.getAttribute("data-copied") || b.textContent;
      });
    });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(b);
  });
  // Buttons that copy a citation given whole in data-cite (a task's state
  // in an archived month): hidden in the page until this script runs.
  document.querySelectorAll("button[data-cite]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.getAttribute("data-cite")).then(function () {
        b.textContent = b.getAttribute("data-copied") || b.textContent;
      });
    });
  });
})();
