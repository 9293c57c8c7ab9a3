/* The presenter view's timer and running order: pure logic, no DOM.
   Tested with node (tests/js/presenter.test.js); presenter-page.js uses it.

   A timer is a plain object; every function returns a new one. Times are
   milliseconds on the caller's clock (the page passes Date.now()), so a test
   can pass any time it likes:
     { duration, elapsed, startedAt }   startedAt is null unless it is running
   It counts down from its planned minutes to "Time is up", then counts the
   time over, until it is paused or reset. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    var name = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    (root[name] = root[name] || {}).presenter = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
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

  return {
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
});
