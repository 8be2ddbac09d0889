// Progressive extras; every page works without this file.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll(".citation").forEach(function (p) {
    var text = p.textContent.trim();
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy";
    b.textContent = "Sao chép";
    b.setAttribute("aria-label", "Sao chép trích dẫn");
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(text).then(function () {
        b.textContent = "Đã sao chép";
      });
    });
    p.appendChild(document.createTextNode(" "));
    p.appendChild(b);
  });
})();
