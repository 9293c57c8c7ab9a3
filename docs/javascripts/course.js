/* The course's shared browser namespace, and one way to run page code once the page is there.

   The namespace's name and the page's unit come from the page itself: every
   page carries <script type="application/json" id="course-settings"> (see
   overrides/main.html), made from data/programme.yml:
     { namespace: "PcnProgramme", unit: { id, storageKey, myWorkbookFile } or null }
   Classic script, not an ES module: browsers refuse module imports over
   file://, and the offline copy of the site is opened from file://. */
(function (root) {
  "use strict";
  var settings = JSON.parse(document.getElementById("course-settings").textContent);
  var course = (root[settings.namespace] = root[settings.namespace] || {});

  /* The page's settings: its unit's storage key and download name. */
  course.settings = settings;

  /* Material's document$ fires for every page it shows (also with instant
     navigation, should it be turned on); without Material, wait for the DOM. */
  course.onReady = function onReady(init) {
    if (root.document$ && typeof root.document$.subscribe === "function") {
      root.document$.subscribe(function () { init(); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { init(); });
    } else {
      init();
    }
  };

  /* The page's data, rendered by a macro as <script type="application/json">. */
  course.readJson = function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  };
})(self);
