/* The presenter view (course/render/templates/presenter_view.html): its timer
   and running order, then the page's component. The timer and running order
   are pure logic, no DOM, tested with node (tests/js/presenter.test.js); under
   node this file exports them and stops there.

   A timer is a plain object; every function returns a new one. Times are
   milliseconds on the caller's clock (the page passes Date.now()), so a test
   can pass any time it likes:
     { duration, elapsed, startedAt }   startedAt is null unless it is running
   It counts down from its planned minutes to "Time is up", then counts the
   time over, until it is paused or reset. */
(function (root) {
  "use strict";

  function createTimer(minutes) {
    return { duration: minutes * 60000, elapsed: 0, startedAt: null };
  }

  function isRunning(timer) {
    return timer.startedAt !== null;
  }

  function elapsedAt(timer, now) {
    return timer.elapsed + (isRunning(timer) ? Math.max(0, now - timer.startedAt) : 0);
  }

  function start(timer, now) {
    return isRunning(timer) ? timer : { duration: timer.duration, elapsed: timer.elapsed, startedAt: now };
  }

  function pause(timer, now) {
    return isRunning(timer) ? { duration: timer.duration, elapsed: elapsedAt(timer, now), startedAt: null } : timer;
  }

  function reset(timer) {
    return { duration: timer.duration, elapsed: 0, startedAt: null };
  }

  /* Whole seconds left, rounded up, so a 15-minute timer shows 15:00 until a
     full second has gone and 0 only when time is up; after that, minus the
     whole seconds over. */
  function secondsLeft(timer, now) {
    var left = timer.duration - elapsedAt(timer, now);
    return left > 0 ? Math.ceil(left / 1000) : 0 - Math.floor(-left / 1000);
  }

  /* "ready" (not started), "running", "paused", and, once the time has run
     out, "up" (still counting the time over) or "paused". */
  function stateOf(timer, now) {
    if (isRunning(timer)) return secondsLeft(timer, now) > 0 ? "running" : "up";
    return timer.elapsed === 0 ? "ready" : "paused";
  }

  function pad(number) {
    return number < 10 ? "0" + number : String(number);
  }

  /* 750 -> "12:30"; 59 -> "0:59". */
  function clock(seconds) {
    var whole = Math.abs(seconds);
    return Math.floor(whole / 60) + ":" + pad(whole % 60);
  }

  function count(number, word) {
    return number + " " + word + (number === 1 ? "" : "s");
  }

  /* 750 -> "12 minutes 30 seconds"; 60 -> "1 minute"; 5 -> "5 seconds". */
  function spoken(seconds) {
    var whole = Math.abs(seconds);
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    if (minutes && rest) return count(minutes, "minute") + " " + count(rest, "second");
    return minutes ? count(minutes, "minute") : count(rest, "second");
  }

  var STATE_WORDS = { ready: "Not started", running: "Running", paused: "Paused", up: "Running" };
  var BUTTON_WORDS = { ready: "Start", running: "Pause", paused: "Resume", up: "Pause" };

  /* What the page shows, all of it in words: the time ("12:30" "left", or
     "Time is up" and "2:05 over"), the timer's state, the start button's
     label, and the part of the time still left (1 to 0) for a bar. */
  function view(timer, now) {
    var seconds = secondsLeft(timer, now);
    var state = stateOf(timer, now);
    var up = seconds <= 0;
    return {
      state: state,
      up: up,
      time: up ? "Time is up" : clock(seconds),
      after: up ? (seconds < 0 ? clock(seconds) + " over" : "") : "left",
      text: up ? "Time is up" + (seconds < 0 ? ", " + clock(seconds) + " over" : "") : clock(seconds) + " left",
      status: STATE_WORDS[state],
      button: BUTTON_WORDS[state],
      left: Math.max(0, Math.min(1, (timer.duration - elapsedAt(timer, now)) / timer.duration)),
    };
  }

  /* What a screen reader hears as the time passes: once at each whole minute
     left and once when time is up, never every second. `before` and `after`
     are secondsLeft() at the last tick and at this one. */
  function announcement(before, after) {
    if (before > 0 && after <= 0) return "Time is up.";
    if (after > 0 && Math.ceil(after / 60) < Math.ceil(before / 60)) return spoken(Math.ceil(after / 60) * 60) + " left.";
    return null;
  }

  /* What a screen reader hears when the presenter starts, pauses or resets. */
  function actionMessage(action, timer, now) {
    var seconds = secondsLeft(timer, now);
    var where = seconds > 0 ? spoken(seconds) + " left." : seconds < 0 ? "time is up, " + spoken(seconds) + " over." : "time is up.";
    if (action === "start") return "Timer running: " + where;
    if (action === "pause") return "Timer paused: " + where;
    return "Timer reset to " + spoken(timer.duration / 1000) + ".";
  }

  /* What a screen reader hears on arriving at a slide (its title is read as
     it takes the focus): where it is in the running order, and its timer. */
  function arrivalMessage(number, total, timer, now) {
    var seconds = secondsLeft(timer, now);
    var state = stateOf(timer, now);
    var where = "Activity " + number + " of " + total + ". ";
    if (state === "ready") return where + "Timer not started: " + spoken(seconds) + ".";
    return where + actionMessage(state === "paused" ? "pause" : "start", timer, now);
  }

  /* --- The running order ------------------------------------------------------ */

  /* The slide an address asks for ("#self-activity-7"); for an address that
     names no slide, `otherwise` (the first slide, when it is not given). */
  function slideFor(ids, hash, otherwise) {
    var wanted = "";
    try {
      wanted = decodeURIComponent(String(hash || "").replace(/^#/, ""));
    } catch (error) {
      wanted = "";
    }
    if (ids.indexOf(wanted) !== -1) return wanted;
    return otherwise === undefined ? ids[0] : otherwise;
  }

  /* The slide `step` places from `id` (-1 back, 1 on), or null past either end. */
  function neighbour(ids, id, step) {
    var index = ids.indexOf(id) + step;
    return ids.indexOf(id) !== -1 && index >= 0 && index < ids.length ? ids[index] : null;
  }

  /* The step a key asks for: back with Left or Page Up (what a presentation
     clicker sends), on with Right or Page Down; 0 for any other key, or with
     a modifier (Alt+Left is the browser's Back). */
  var KEY_STEPS = { ArrowLeft: -1, PageUp: -1, ArrowRight: 1, PageDown: 1 };

  function stepForKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return 0;
    return KEY_STEPS[event.key] || 0;
  }

  var presenter = {
    createTimer: createTimer,
    isRunning: isRunning,
    start: start,
    pause: pause,
    reset: reset,
    secondsLeft: secondsLeft,
    stateOf: stateOf,
    clock: clock,
    spoken: spoken,
    view: view,
    announcement: announcement,
    actionMessage: actionMessage,
    arrivalMessage: arrivalMessage,
    slideFor: slideFor,
    neighbour: neighbour,
    stepForKey: stepForKey,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = presenter;
    return;
  }

  /* --- The presenter view on the page -----------------------------------------------

     One slide at a time, in the session plan's running order, each with its
     own timer. The address names the slide shown (#<activity id>), so a slide
     can be linked and the Back button goes back; the Previous and Next links,
     the Left and Right arrow keys, and a clicker's Page Up and Page Down move
     between slides.

     A slide's timer runs only while its slide is shown: moving away pauses it,
     and coming back finds it where it was (a slide not yet timed shows its
     planned minutes). What happens is said in words on screen, and in a
     polite live region for a screen reader: each start, pause and reset, each
     whole minute left, and "Time is up". Nothing is kept in the browser. */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var TICK = 250; // ms between looks at the clock; the display changes once a second

  /* An input, a text area or the like: keys typed there are not for the slides. */
  function typingIn(target) {
    return Boolean(target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
  }

  function now() {
    return Date.now();
  }

  /* A slide's parts on the page, and its timer. */
  function slideOf(element, data) {
    return {
      data: data,
      element: element,
      timer: presenter.createTimer(data.minutes),
      time: element.querySelector(".presenter__time"),
      after: element.querySelector(".presenter__after"),
      timerBox: element.querySelector(".presenter__timer"),
      state: element.querySelector(".presenter__state"),
      bar: element.querySelector(".presenter__bar-left"),
      toggle: element.querySelector('[data-timer="toggle"]'),
      heading: element.querySelector(".presenter__title"),
    };
  }

  /* The slides the data names that are on the page, in the data's order. */
  function createDeck(element, data) {
    var deck = { element: element, ids: [], slides: {}, current: null, ticking: null, lastSeconds: null };
    data.slides.forEach(function (slide) {
      var slideElement = document.getElementById(slide.id);
      if (!slideElement || !element.contains(slideElement)) return;
      deck.ids.push(slide.id);
      deck.slides[slide.id] = slideOf(slideElement, slide);
    });
    deck.status = element.querySelector(".presenter__status");
    return deck;
  }

  function say(deck, message) {
    deck.status.textContent = message;
  }

  function draw(slide) {
    var shown = presenter.view(slide.timer, now());
    slide.time.textContent = shown.time;
    slide.after.textContent = shown.after;
    slide.after.hidden = !shown.after;
    slide.timerBox.classList.toggle("presenter__timer--up", shown.up);
    slide.state.textContent = shown.status;
    slide.toggle.textContent = shown.button;
    slide.bar.style.width = (shown.left * 100).toFixed(2) + "%";
    slide.element.dataset.timer = shown.state;
  }

  function tick(deck) {
    var slide = deck.slides[deck.current];
    var seconds = presenter.secondsLeft(slide.timer, now());
    if (deck.lastSeconds !== null) {
      var words = presenter.announcement(deck.lastSeconds, seconds);
      if (words) say(deck, words);
    }
    deck.lastSeconds = seconds;
    draw(slide);
  }

  function keepTicking(deck, on) {
    if (on && deck.ticking === null) {
      deck.ticking = root.setInterval(function () {
        tick(deck);
      }, TICK);
    }
    if (!on && deck.ticking !== null) {
      root.clearInterval(deck.ticking);
      deck.ticking = null;
    }
  }

  /* The shown slide's timer: "toggle" (start or pause) or "reset". */
  function act(deck, action) {
    var slide = deck.slides[deck.current];
    var at = now();
    if (action === "toggle") action = presenter.isRunning(slide.timer) ? "pause" : "start";
    slide.timer = presenter[action](slide.timer, at);
    deck.lastSeconds = presenter.secondsLeft(slide.timer, at);
    keepTicking(deck, presenter.isRunning(slide.timer));
    draw(slide);
    say(deck, presenter.actionMessage(action, slide.timer, at));
  }

  /* The slide being left stops its timer where it is; returns what to say about it. */
  function leave(deck) {
    var leaving = deck.current !== null ? deck.slides[deck.current] : null;
    keepTicking(deck, false);
    if (!leaving || !presenter.isRunning(leaving.timer)) return "";
    leaving.timer = presenter.pause(leaving.timer, now());
    draw(leaving);
    return "The timer of " + leaving.data.name + " is paused. ";
  }

  /* Show one slide; `moved` when the presenter moved to it (focus and announce it). */
  function show(deck, id, moved) {
    if (id === deck.current) return;
    var message = leave(deck);
    deck.current = id;
    deck.ids.forEach(function (other) {
      deck.slides[other].element.hidden = other !== id;
    });
    var slide = deck.slides[id];
    deck.lastSeconds = presenter.secondsLeft(slide.timer, now());
    draw(slide);
    slide.element.scrollIntoView({ block: "start", behavior: "instant" }); // below the line with the way back
    if (!moved) {
      say(deck, "");
      return;
    }
    slide.heading.focus({ preventScroll: true });
    say(deck, message + presenter.arrivalMessage(deck.ids.indexOf(id) + 1, deck.ids.length, slide.timer, now()));
  }

  function go(deck, step) {
    var next = presenter.neighbour(deck.ids, deck.current, step);
    if (!next) return;
    root.location.hash = "#" + next; // a step in the history: Back comes back
    show(deck, next, true); // at once (hashchange comes later), so a second quick press moves on from here
  }

  function listen(deck) {
    deck.ids.forEach(function (id) {
      var slide = deck.slides[id];
      slide.timerBox.hidden = false;
      slide.element.querySelector('[data-timer="toggle"]').addEventListener("click", function () {
        act(deck, "toggle");
      });
      slide.element.querySelector('[data-timer="reset"]').addEventListener("click", function () {
        act(deck, "reset");
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || typingIn(event.target)) return;
      var step = presenter.stepForKey(event);
      if (!step) return;
      event.preventDefault();
      go(deck, step);
    });
    root.addEventListener("hashchange", function () {
      show(deck, presenter.slideFor(deck.ids, root.location.hash, deck.current), true); // another anchor (a heading's link) leaves the slide as it is
    });
  }

  function setUp(element) {
    var data = course.readJson("presenter-data");
    if (!data) return;
    var deck = createDeck(element, data);
    if (!deck.ids.length) return;
    listen(deck);
    element.querySelector(".presenter__no-js").hidden = true;
    element.querySelector(".presenter__keys").hidden = false;
    element.classList.add("presenter--live");
    show(deck, presenter.slideFor(deck.ids, root.location.hash), false);
    readFromTheTop();
  }

  /* The address's #slide says which slide to show, not where to start reading:
     having followed it, the browser would start Tab after it, past the header
     and the way back. Tab starts from the top of the page, as on every page.
     The browser sets that starting point once the page has loaded, which can be
     after this runs, so it is set back as the reader's first key goes down,
     unless they have put the pointer or the focus somewhere first. */
  function startAtTop() {
    var body = document.body;
    body.tabIndex = -1;
    body.focus({ preventScroll: true });
    body.blur();
    body.removeAttribute("tabindex");
  }

  function readFromTheTop() {
    function done() {
      document.removeEventListener("keydown", firstKey, true);
      document.removeEventListener("pointerdown", done, true);
    }
    function firstKey(event) {
      if (event.key === "Tab" && !event.shiftKey && document.activeElement === document.body) startAtTop();
      done();
    }
    document.addEventListener("keydown", firstKey, true);
    document.addEventListener("pointerdown", done, true);
  }

  course.component("#presenter", setUp);
})(typeof self !== "undefined" ? self : this);
