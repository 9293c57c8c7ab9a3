// Print collapsed blocks open. Before the browser prints, every closed
// <details> is opened; afterwards the ones we opened are closed again.
// (print.css also shows their content, for browsers that print without
// firing these events.)
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) {
      details.open = false;
    });
    opened = [];
  });
})();
