/* The presenter view (course/render/templates/presenter_view.html): one slide
   at a time, in the session plan's running order, each with its own timer
   (presenter.js holds the logic). The address names the slide shown
   (#<activity id>), so a slide can be linked and the Back button goes back;
   the Previous and Next links, the Left and Right arrow keys, and a
   clicker's Page Up and Page Down move between slides.

   A slide's timer runs only while its slide is shown: moving away pauses it,
   and coming back finds it where it was (a slide not yet timed shows its
   planned minutes). What happens is said in words on screen, and in a
   polite live region for a screen reader: each start, pause and reset, each
   whole minute left, and "Time is up". Nothing is kept in the browser. */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var TICK = 250; // ms between looks at the clock; the display changes once a second

  /* An input, a text area or the like: keys typed there are not for the slides. */
  function typingIn(target) {
    return Boolean(target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
  }

  function setUp(presenter, data) {
    var logic = course.presenter;
    var ids = data.slides.map(function (slide) {
      return slide.id;
    });
    var slides = {};
    data.slides.forEach(function (slide) {
      var element = document.getElementById(slide.id);
      if (!element || !presenter.contains(element)) return;
      slides[slide.id] = {
        data: slide,
        element: element,
        timer: logic.createTimer(slide.minutes),
        time: element.querySelector(".presenter__time"),
        after: element.querySelector(".presenter__after"),
        timerBox: element.querySelector(".presenter__timer"),
        state: element.querySelector(".presenter__state"),
        bar: element.querySelector(".presenter__bar-left"),
        toggle: element.querySelector('[data-timer="toggle"]'),
        heading: element.querySelector(".presenter__title"),
      };
    });
    ids = ids.filter(function (id) {
      return slides[id];
    });
    if (!ids.length) return;
    var status = presenter.querySelector(".presenter__status");
    var current = null;
    var ticking = null;
    var lastSeconds = null;

    function now() {
      return Date.now();
    }

    function say(message) {
      status.textContent = message;
    }

    function draw(slide) {
      var shown = logic.view(slide.timer, now());
      slide.time.textContent = shown.time;
      slide.after.textContent = shown.after;
      slide.after.hidden = !shown.after;
      slide.timerBox.classList.toggle("presenter__timer--up", shown.up);
      slide.state.textContent = shown.status;
      slide.toggle.textContent = shown.button;
      slide.bar.style.width = (shown.left * 100).toFixed(2) + "%";
      slide.element.dataset.timer = shown.state;
    }

    function tick() {
      var slide = slides[current];
      var seconds = logic.secondsLeft(slide.timer, now());
      if (lastSeconds !== null) {
        var words = logic.announcement(lastSeconds, seconds);
        if (words) say(words);
      }
      lastSeconds = seconds;
      draw(slide);
    }

    function keepTicking(on) {
      if (on && ticking === null) ticking = root.setInterval(tick, TICK);
      if (!on && ticking !== null) {
        root.clearInterval(ticking);
        ticking = null;
      }
    }

    function act(action) {
      var slide = slides[current];
      var at = now();
      if (action === "toggle") action = logic.isRunning(slide.timer) ? "pause" : "start";
      slide.timer = logic[action](slide.timer, at);
      lastSeconds = logic.secondsLeft(slide.timer, at);
      keepTicking(logic.isRunning(slide.timer));
      draw(slide);
      say(logic.actionMessage(action, slide.timer, at));
    }

    /* Show one slide; the one left behind stops its timer where it is. */
    function show(id, moved) {
      if (id === current) return;
      var leaving = current !== null ? slides[current] : null;
      var message = "";
      if (leaving && logic.isRunning(leaving.timer)) {
        leaving.timer = logic.pause(leaving.timer, now());
        draw(leaving);
        message = "The timer of " + leaving.data.name + " is paused. ";
      }
      keepTicking(false);
      current = id;
      ids.forEach(function (other) {
        slides[other].element.hidden = other !== id;
      });
      var slide = slides[id];
      lastSeconds = logic.secondsLeft(slide.timer, now());
      draw(slide);
      slide.element.scrollIntoView({ block: "start", behavior: "instant" }); // below the line with the way back
      if (moved) {
        slide.heading.focus({ preventScroll: true });
        say(message + logic.arrivalMessage(ids.indexOf(id) + 1, ids.length, slide.timer, now()));
      } else {
        say("");
      }
    }

    function go(step) {
      var next = logic.neighbour(ids, current, step);
      if (!next) return;
      root.location.hash = "#" + next; // a step in the history: Back comes back
      show(next, true); // at once (hashchange comes later), so a second quick press moves on from here
    }

    ids.forEach(function (id) {
      var slide = slides[id];
      slide.timerBox.hidden = false;
      slide.element.querySelector('[data-timer="toggle"]').addEventListener("click", function () {
        act("toggle");
      });
      slide.element.querySelector('[data-timer="reset"]').addEventListener("click", function () {
        act("reset");
      });
    });

    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || typingIn(event.target)) return;
      var step = logic.stepForKey(event);
      if (!step) return;
      event.preventDefault();
      go(step);
    });

    root.addEventListener("hashchange", function () {
      show(logic.slideFor(ids, root.location.hash, current), true); // another anchor (a heading's link) leaves the slide as it is
    });

    presenter.querySelector(".presenter__no-js").hidden = true;
    presenter.querySelector(".presenter__keys").hidden = false;
    presenter.classList.add("presenter--live");
    show(logic.slideFor(ids, root.location.hash), false);
  }

  course.onReady(function () {
    var presenter = document.getElementById("presenter");
    var data = course.readJson("presenter-data");
    if (!presenter || !data || presenter.dataset.presenterReady) return;
    presenter.dataset.presenterReady = "true";
    setUp(presenter, data);
  });
})(self);
