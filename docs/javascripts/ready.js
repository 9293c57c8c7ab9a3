/* The unit's shared namespace, and one way to run page code once the page is there.
   Classic script, not an ES module: browsers refuse module imports over file://,
   and the offline copy of the site is opened from file://. */
(function (root) {
  "use strict";
  var unit = (root.PcnUnit3 = root.PcnUnit3 || {});

  /* Material's document$ fires for every page it shows (also with instant
     navigation, should it be turned on); without Material, wait for the DOM. */
  unit.onReady = function onReady(init) {
    if (root.document$ && typeof root.document$.subscribe === "function") {
      root.document$.subscribe(function () { init(); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { init(); });
    } else {
      init();
    }
  };

  /* The page's data, rendered by a macro as <script type="application/json">. */
  unit.readJson = function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  };
})(typeof self !== "undefined" ? self : this);
