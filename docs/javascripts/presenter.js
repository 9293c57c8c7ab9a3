/* The presenter view, the session's deck (course/render/templates/presenter_view.html):
   its timer, running order, versions and keys, then the page's component. These
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
     it takes the focus): where it is in the running order, and its timer, if it has one. */
  function arrivalMessage(number, total, timer, now) {
    var where = "Slide " + number + " of " + total + ".";
    if (!timer) return where;
    where += " ";
    var seconds = secondsLeft(timer, now);
    var state = stateOf(timer, now);
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

  /* What a letter key asks the deck for: "fullscreen" (F) or "notes" (S, the
     speaker notes' window); null for any other key, or with a modifier. */
  var KEY_COMMANDS = { f: "fullscreen", s: "notes" };

  function commandForKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    return KEY_COMMANDS[String(event.key).toLowerCase()] || null;
  }

  /* The version of the session an address asks for (?minutes=60), or the
     default: { minutes, slides (ids in order), timers (id: minutes) }. */
  function versionFor(data, search) {
    var wanted = null;
    var match = /[?&]minutes=(\d+)/.exec(String(search || ""));
    if (match) wanted = Number(match[1]);
    var found = data.versions.filter(function (version) {
      return version.minutes === wanted;
    })[0];
    return found || data.versions.filter(function (version) {
      return version.minutes === data.default;
    })[0] || data.versions[0];
  }

  /* The address with the version's minutes in its query, its hash kept. */
  function addressWith(href, minutes) {
    var parts = String(href).split("#");
    var base = parts[0].replace(/([?&])minutes=\d+&?/, "$1").replace(/[?&]$/, "");
    var joined = base + (base.indexOf("?") === -1 ? "?" : "&") + "minutes=" + minutes;
    return parts.length > 1 ? joined + "#" + parts.slice(1).join("#") : joined;
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
    commandForKey: commandForKey,
    versionFor: versionFor,
    addressWith: addressWith,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = presenter;
    return;
  }

  /* --- The deck on the page -----------------------------------------------------

     One slide at a time, in the running order of the version chosen (?minutes=N
     in the address, or the session's default), each activity with its own timer
     set to its minutes there. The address's #slide names the slide shown, so a
     slide can be linked and the Back button goes back; the Previous and Next
     links, the Left and Right arrow keys, and a clicker's Page Up and Page Down
     move between slides. F (or the Full screen button) puts the slides alone
     on the screen, without the site around them; Esc, the browser's own key,
     leaves. S (or Speaker notes) opens the same page in a window of its own,
     ?notes, showing the notes of the part on screen: the two windows tell each
     other, by postMessage (which works from file:// too), each move and each
     timer's start, pause and reset.

     A slide's timer runs only while its slide is shown: moving away pauses it,
     and coming back finds it where it was. What happens is said in words on
     screen, and in a polite live region for a screen reader: each start, pause
     and reset, each whole minute left, and "Time is up". Nothing is kept in the
     browser. */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var TICK = 250; // ms between looks at the clock; the display changes once a second

  /* An input, a text area or the like: keys typed there are not for the slides. */
  function typingIn(target) {
    return Boolean(target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
  }

  function now() {
    return Date.now();
  }

  /* A slide's parts on the page, and its timer if it is an activity's. */
  function slideOf(element, data) {
    var timerBox = element.querySelector(".presenter__timer");
    return {
      data: data,
      element: element,
      timer: timerBox ? presenter.createTimer(data.minutes) : null,
      time: element.querySelector(".presenter__time"),
      after: element.querySelector(".presenter__after"),
      timerBox: timerBox,
      state: element.querySelector(".presenter__state"),
      bar: element.querySelector(".presenter__progress-left"),
      toggle: element.querySelector('[data-timer="toggle"]'),
      heading: element.querySelector(".presenter__title"),
      minutesText: element.querySelector(".presenter__minutes"),
    };
  }

  /* Every slide the data names that is on the page; `ids` are the chosen version's, in its order. */
  function createDeck(element, data) {
    var deck = { element: element, data: data, ids: [], slides: {}, current: null, ticking: null, lastSeconds: null };
    data.slides.forEach(function (slide) {
      var slideElement = document.getElementById(slide.id);
      if (slideElement && element.contains(slideElement)) deck.slides[slide.id] = slideOf(slideElement, slide);
    });
    deck.status = element.querySelector(".presenter__status");
    deck.notesView = /[?&]notes(=|&|$)/.test(root.location.search);
    deck.partner = deck.notesView ? root.opener : null; // the other window: the deck's notes, or the deck
    return deck;
  }

  function say(deck, message) {
    deck.status.textContent = message;
  }

  function draw(slide) {
    if (!slide.timer) return;
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

  /* Tell the other window (the notes, or the deck) what happened here. */
  function tell(deck, message) {
    if (!deck.partner || deck.partner.closed) return;
    message.deck = "pcn-presenter";
    deck.partner.postMessage(message, "*");
  }

  /* The shown slide's timer: "toggle" (start or pause) or "reset"; `quietly` when the other window did it. */
  function act(deck, action, quietly) {
    var slide = deck.slides[deck.current];
    if (!slide.timer) return;
    var at = now();
    if (action === "toggle") action = presenter.isRunning(slide.timer) ? "pause" : "start";
    slide.timer = presenter[action](slide.timer, at);
    deck.lastSeconds = presenter.secondsLeft(slide.timer, at);
    keepTicking(deck, presenter.isRunning(slide.timer));
    draw(slide);
    say(deck, presenter.actionMessage(action, slide.timer, at));
    if (!quietly) tell(deck, { action: action, slide: deck.current });
  }

  /* The slide being left stops its timer where it is; returns what to say about it. */
  function leave(deck) {
    var leaving = deck.current !== null ? deck.slides[deck.current] : null;
    keepTicking(deck, false);
    if (!leaving || !leaving.timer || !presenter.isRunning(leaving.timer)) return "";
    leaving.timer = presenter.pause(leaving.timer, now());
    draw(leaving);
    return "The timer of " + leaving.data.name + " is paused. ";
  }

  /* Show one slide; `moved` when the presenter moved to it (focus and announce it); `quietly`
     when the other window asked for it (telling it back would echo, and undo a later move). */
  function show(deck, id, moved, quietly) {
    if (id === deck.current) return;
    var message = leave(deck);
    deck.current = id;
    Object.keys(deck.slides).forEach(function (other) {
      deck.slides[other].element.hidden = other !== id;
    });
    var slide = deck.slides[id];
    deck.lastSeconds = slide.timer ? presenter.secondsLeft(slide.timer, now()) : null;
    draw(slide);
    showNotes(deck, slide.data.part);
    if (!quietly) tell(deck, { slide: id });
    if (!deck.notesView) slide.element.scrollIntoView({ block: "start", behavior: "instant" }); // below the line with the way back
    if (!moved) {
      say(deck, "");
      return;
    }
    slide.heading.focus({ preventScroll: true });
    var number = deck.ids.indexOf(id) + 1;
    say(deck, message + presenter.arrivalMessage(number, deck.ids.length, slide.timer, now()));
  }

  /* In the notes window: the notes of the part on screen, and no other. */
  function showNotes(deck, part) {
    if (!deck.notesView) return;
    deck.element.querySelectorAll(".presenter__notes").forEach(function (notes) {
      notes.hidden = notes.getAttribute("data-part") !== part;
    });
  }

  function go(deck, step) {
    var next = presenter.neighbour(deck.ids, deck.current, step);
    if (!next) return;
    root.location.hash = "#" + next; // a step in the history: Back comes back
    show(deck, next, true); // at once (hashchange comes later), so a second quick press moves on from here
  }

  /* --- Versions, full screen and the notes window --------------------------------- */

  /* The version chosen: its slides in order, each activity's timer set to its minutes
     (a timer already started keeps its own), each slide's Previous and Next following it. */
  function useVersion(deck, version) {
    deck.version = version;
    deck.ids = version.slides.filter(function (id) {
      return Boolean(deck.slides[id]);
    });
    Object.keys(deck.slides).forEach(function (id) {
      var slide = deck.slides[id];
      var minutes = version.timers[id];
      if (slide.timer && minutes && slide.timer.elapsed === 0 && !presenter.isRunning(slide.timer)) {
        slide.timer = presenter.createTimer(minutes);
        slide.data.minutes = minutes;
        slide.minutesText.textContent = minutes + " minute" + (minutes === 1 ? "" : "s");
        draw(slide);
      }
      linkMoves(deck, slide);
    });
    deck.element.querySelectorAll("[data-version]").forEach(function (block) {
      block.hidden = Number(block.getAttribute("data-version")) !== version.minutes;
    });
    var select = deck.element.querySelector("#presenter-version");
    if (select) select.value = String(version.minutes);
  }

  function linkMoves(deck, slide) {
    [["previous", -1], ["next", 1]].forEach(function (pair) {
      var link = slide.element.querySelector(".presenter__move--" + pair[0]);
      var to = presenter.neighbour(deck.ids, slide.data.id, pair[1]);
      if (!link) return;
      link.hidden = !to;
      if (!to) return;
      link.href = "#" + to;
      link.querySelector(".presenter__move-to").textContent = ": " + deck.slides[to].data.name;
    });
  }

  function chooseVersion(deck, minutes) {
    var version = presenter.versionFor(deck.data, "?minutes=" + minutes);
    root.history.replaceState(root.history.state, "", presenter.addressWith(root.location.href, version.minutes));
    useVersion(deck, version);
    if (deck.ids.indexOf(deck.current) === -1) show(deck, deck.ids[0], true);
    say(deck, "The " + version.minutes + "-minute session: " + deck.ids.length + " slides.");
    tell(deck, { minutes: version.minutes, slide: deck.current });
  }

  /* Full screen, by whichever name the browser gives it: unprefixed from Chrome 71, Firefox 64
     and Safari 16.4, prefixed before. A browser with none keeps the page, and the deck works as it is. */
  function fullscreenElementOf(doc) {
    return doc.fullscreenElement || doc.webkitFullscreenElement || doc.mozFullScreenElement || null;
  }

  function inFullscreen() {
    return fullscreenElementOf(document) !== null;
  }

  /* The slides alone on the screen, or back to the page. */
  function toggleFullscreen(deck) {
    var doc = document;
    var element = deck.element;
    var leave = doc.exitFullscreen || doc.webkitExitFullscreen || doc.mozCancelFullScreen;
    var enter = element.requestFullscreen || element.webkitRequestFullscreen || element.mozRequestFullScreen;
    var asked = inFullscreen() ? leave && leave.call(doc) : enter && enter.call(element);
    if (asked && asked.catch) asked.catch(function () {}); // refused (no user gesture, a policy): the page stays
  }

  /* The deck's look follows full screen however it was entered or left (F, the button, Esc, the browser). */
  function followFullscreen(deck) {
    ["fullscreenchange", "webkitfullscreenchange", "mozfullscreenchange"].forEach(function (name) {
      document.addEventListener(name, function () {
        deck.element.classList.toggle("presenter--fullscreen", fullscreenElementOf(document) === deck.element);
      });
    });
  }

  /* The speaker notes' window: this page, ?notes, in the version shown, at the slide shown. */
  function openNotes(deck) {
    if (deck.notesView) return;
    if (deck.partner && !deck.partner.closed) {
      deck.partner.focus();
      return;
    }
    var address = presenter.addressWith(root.location.href.split("#")[0], deck.version.minutes) + "&notes#" + deck.current;
    deck.partner = root.open(address, "pcn-presenter-notes", "width=900,height=700");
  }

  /* What the other window tells this one: a version, a slide, a timer's action; or, from a
     notes window that has just opened, that it wants to know where the deck is. */
  function hear(deck, event) {
    var message = event.data;
    if (!message || message.deck !== "pcn-presenter" || event.source !== deck.partner) return;
    if (message.ready) return tell(deck, { minutes: deck.version.minutes, slide: deck.current });
    if (message.minutes && message.minutes !== deck.version.minutes) useVersion(deck, presenter.versionFor(deck.data, "?minutes=" + message.minutes));
    if (message.slide && deck.slides[message.slide] && message.slide !== deck.current) {
      root.history.replaceState(root.history.state, "", "#" + message.slide);
      show(deck, message.slide, false, true);
    }
    if (message.action && message.slide === deck.current) act(deck, message.action, true);
  }

  function listenToButtons(deck) {
    Object.keys(deck.slides).forEach(function (id) {
      var slide = deck.slides[id];
      if (!slide.timer) return;
      slide.timerBox.hidden = false;
      slide.element.querySelector('[data-timer="toggle"]').addEventListener("click", function () {
        act(deck, "toggle");
      });
      slide.element.querySelector('[data-timer="reset"]').addEventListener("click", function () {
        act(deck, "reset");
      });
    });
    deck.element.querySelector('[data-deck="fullscreen"]').addEventListener("click", function () {
      toggleFullscreen(deck);
    });
    deck.element.querySelector('[data-deck="notes"]').addEventListener("click", function () {
      openNotes(deck);
    });
    deck.element.querySelector("#presenter-version").addEventListener("change", function (event) {
      chooseVersion(deck, Number(event.target.value));
    });
  }

  /* A key for the deck: Left and Right (and a clicker's keys) move, F goes full screen, S opens the
     notes, Esc leaves full screen where the browser leaves that key to the page; none while typing. */
  function onKey(deck, event) {
    if (event.defaultPrevented || typingIn(event.target)) return;
    if (event.key === "Escape" && inFullscreen()) return toggleFullscreen(deck);
    var step = presenter.stepForKey(event);
    var command = step ? null : presenter.commandForKey(event);
    if (!step && !command) return;
    event.preventDefault();
    if (command) event.stopPropagation(); // the key is the deck's, not the theme's search
    if (step) go(deck, step);
    else if (command === "fullscreen") toggleFullscreen(deck);
    else openNotes(deck);
  }

  function listen(deck) {
    listenToButtons(deck);
    followFullscreen(deck);
    // On the window, as it captures: before Material's own keys, whose F and S open its search
    // (its box would take the focus, and the arrow keys after it).
    root.addEventListener("keydown", function (event) {
      onKey(deck, event);
    }, true);
    root.addEventListener("hashchange", function () {
      show(deck, presenter.slideFor(deck.ids, root.location.hash, deck.current), true); // another anchor (a heading's link) leaves the slide as it is
    });
    root.addEventListener("message", function (event) {
      hear(deck, event);
    });
  }

  function setUp(element) {
    var data = course.readJson("presenter-data");
    if (!data) return;
    var deck = createDeck(element, data);
    useVersion(deck, presenter.versionFor(data, root.location.search));
    if (!deck.ids.length) return;
    listen(deck);
    element.querySelector(".presenter__no-js").hidden = true;
    element.querySelector(".presenter__bar").hidden = false;
    element.classList.add("presenter--live");
    if (deck.notesView) element.classList.add("presenter--notes-view");
    show(deck, presenter.slideFor(deck.ids, root.location.hash), false, true);
    tell(deck, { ready: true }); // a notes window: the deck may have moved while it opened
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
