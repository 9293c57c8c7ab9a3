/* The "page not found" page (overrides/404.html): show the "Search the unit"
   button, which opens Material's search. Without JavaScript it stays hidden
   (search needs JavaScript too), and the page's link to the start of the unit
   still works. */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];

  function setUp(item) {
    item.hidden = false;
    item.querySelector("button").addEventListener("click", function () {
      var searchToggle = document.getElementById("__search");
      if (!searchToggle.checked) searchToggle.click(); // Material opens search when this checkbox changes
      var input = document.querySelector(".md-search__input");
      if (input) input.focus();
    });
  }

  course.component("[data-unit-search]", setUp);
})(typeof self !== "undefined" ? self : this);
