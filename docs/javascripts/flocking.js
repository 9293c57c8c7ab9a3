/* The flocking exercise as a simulation, on the complex-systems page: its
   maths, then the page's component that draws it. The maths is pure, no DOM:
   tested with node (tests/js/flocking.test.js), and used by
   scripts/flocking-figure.js to draw the static figure shown in print and
   without JavaScript; under node this file exports it and stops there.

   The room is `room.width` by `room.height` (abstract units). Each person has
   picked two others at random. The activity's one rule is "keep an equal
   distance between yourself and those two people". The places at an equal
   distance from two people are the perpendicular bisector of the line between
   them; each person heads for the nearest such place that is inside the room
   (so they move no further than the rule asks). Everyone moves at once, a
   limited distance per step; when they move, the others' targets move too.
   The group has reached a steady state when, in one step, nobody moves more
   than `epsilon`. Some picks never settle (people chase each other in a
   circle); `run` stops after `maxSteps` and says so. */
(function (root) {
  "use strict";

  var DEFAULTS = {
    room: { width: 100, height: 70 },
    maxStep: 0.5, //   furthest anyone walks in one step
    pace: 0.5, //      share of the remaining way walked in one step
    epsilon: 0.01, //  below this largest move, the group has settled
    maxSteps: 2000, // give up after this many steps
  };
  var MIN_PEOPLE = 5;
  var MAX_PEOPLE = 60;

  /* A small, fast, seeded random number generator (mulberry32), so a seed
     always gives the same room: the tests and the printed figure rely on it. */
  function mulberry32(seed) {
    var state = seed >>> 0;
    return function random() {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function clampPeople(count) {
    var whole = Math.round(Number(count));
    if (!isFinite(whole)) return MIN_PEOPLE;
    return Math.min(MAX_PEOPLE, Math.max(MIN_PEOPLE, whole));
  }

  /* Two different people, neither of them `self`. */
  function pickTwo(self, count, random) {
    var first = Math.floor(random() * (count - 1));
    if (first >= self) first += 1;
    var second = Math.floor(random() * (count - 2));
    var low = Math.min(self, first);
    var high = Math.max(self, first);
    if (second >= low) second += 1;
    if (second >= high) second += 1;
    return [first, second];
  }

  /* `count` people (5 to 60) scattered at random, each with two picks. */
  function createGroup(count, random, room) {
    room = room || DEFAULTS.room;
    var total = clampPeople(count);
    var people = [];
    var i;
    for (i = 0; i < total; i += 1) {
      people.push({ x: random() * room.width, y: random() * room.height, picks: null });
    }
    for (i = 0; i < total; i += 1) people[i].picks = pickTwo(i, total, random);
    return { room: { width: room.width, height: room.height }, people: people };
  }

  /* The part of the line origin + t * direction inside the room, as [tMin, tMax]. */
  function insideRoom(origin, direction, room) {
    var low = -Infinity;
    var high = Infinity;
    [
      [origin.x, direction.x, room.width],
      [origin.y, direction.y, room.height],
    ].forEach(function (axis) {
      var start = axis[0];
      var along = axis[1];
      var size = axis[2];
      if (Math.abs(along) < 1e-12) return;
      var enter = (0 - start) / along;
      var leave = (size - start) / along;
      low = Math.max(low, Math.min(enter, leave));
      high = Math.min(high, Math.max(enter, leave));
    });
    return [low, high];
  }

  /* The rule: the nearest point to `me`, inside the room, that is the same
     distance from `a` as from `b`. When a and b stand on the same spot every
     place is equidistant, so `me` stays put. */
  function equidistantTarget(me, a, b, room) {
    room = room || DEFAULTS.room;
    var dx = b.x - a.x;
    var dy = b.y - a.y;
    var length = Math.sqrt(dx * dx + dy * dy);
    if (length < 1e-9) return { x: me.x, y: me.y };
    var middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    var along = { x: -dy / length, y: dx / length }; // the bisector's direction
    var t = (me.x - middle.x) * along.x + (me.y - middle.y) * along.y;
    var range = insideRoom(middle, along, room);
    t = Math.min(range[1], Math.max(range[0], t));
    return { x: middle.x + t * along.x, y: middle.y + t * along.y };
  }

  /* Everyone moves once, towards where the rule puts them now.
     Returns the new group and the largest distance anyone moved. */
  function step(group, options) {
    var settings = Object.assign({}, DEFAULTS, options || {});
    var people = group.people;
    var largestMove = 0;
    var moved = people.map(function (person) {
      var target = equidistantTarget(person, people[person.picks[0]], people[person.picks[1]], group.room);
      var dx = target.x - person.x;
      var dy = target.y - person.y;
      var distance = Math.sqrt(dx * dx + dy * dy);
      var walk = Math.min(distance * settings.pace, settings.maxStep);
      largestMove = Math.max(largestMove, walk);
      var share = distance > 0 ? walk / distance : 0;
      return { x: person.x + dx * share, y: person.y + dy * share, picks: person.picks };
    });
    return { group: { room: group.room, people: moved }, largestMove: largestMove };
  }

  function isSettled(largestMove, options) {
    var settings = Object.assign({}, DEFAULTS, options || {});
    return largestMove < settings.epsilon;
  }

  /* Step until the group settles or `maxSteps` is reached.
     Returns { group, steps, settled }. */
  function run(group, options) {
    var settings = Object.assign({}, DEFAULTS, options || {});
    var steps = 0;
    while (steps < settings.maxSteps) {
      var next = step(group, settings);
      group = next.group;
      steps += 1;
      if (isSettled(next.largestMove, settings)) return { group: group, steps: steps, settled: true };
    }
    return { group: group, steps: steps, settled: false };
  }

  function distance(a, b) {
    return Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
  }

  var flocking = {
    DEFAULTS: DEFAULTS,
    MIN_PEOPLE: MIN_PEOPLE,
    MAX_PEOPLE: MAX_PEOPLE,
    mulberry32: mulberry32,
    clampPeople: clampPeople,
    createGroup: createGroup,
    equidistantTarget: equidistantTarget,
    step: step,
    isSettled: isSettled,
    run: run,
    distance: distance,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = flocking;
    return;
  }

  /* --- The simulation on the page -------------------------------------------------

     (course/render/templates/flocking_simulation.html) Drawn on a canvas: Play /
     pause, step, reset with a new random pick, and the number of people; status
     changes are announced in a live region. It starts by itself when scrolled
     into view, unless the reader prefers reduced motion.

     The first pick comes from ?seed=N in the address, or data-seed on the
     element, or at random; each reset takes the next seed, so a given seed
     always replays the same runs (the browser tests rely on it). */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var MARGIN = 2; // room units of space around the room, so people at a wall are drawn whole

  function initialSeed(element) {
    var fromAddress = new URLSearchParams(root.location.search).get("seed");
    var seed = parseInt(fromAddress !== null ? fromAddress : element.dataset.seed, 10);
    return isFinite(seed) ? seed >>> 0 : Math.floor(Math.random() * 4294967296);
  }

  function prefersReducedMotion() {
    return root.matchMedia !== undefined && root.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  /* Colours come from the stylesheet, so the light and dark schemes both work. */
  function colours(element) {
    var style = root.getComputedStyle(element);
    function colour(name) {
      return style.getPropertyValue(name).trim();
    }
    return {
      room: colour("--unit-flock-room"),
      edge: colour("--unit-flock-edge"),
      person: colour("--unit-flock-person"),
      highlight: colour("--unit-flock-highlight"),
      line: colour("--unit-flock-line"),
    };
  }

  /* The simulation's parts on the page, and where its run is. */
  function createSimulation(element) {
    var peopleInput = element.querySelector("#flocking-people");
    var canvas = element.querySelector(".flocking__canvas");
    return {
      element: element,
      canvas: canvas,
      context: canvas.getContext("2d"),
      playButton: element.querySelector('[data-flocking-action="play"]'),
      peopleInput: peopleInput,
      progress: element.querySelector(".flocking__progress"),
      status: element.querySelector(".flocking__status"),
      seed: initialSeed(element),
      people: flocking.clampPeople(peopleInput.value || element.dataset.people),
      group: null,
      steps: 0,
      finished: null, // "settled", or "unsettled" after too many steps
      running: false,
      frameId: null,
      touched: false, // the reader has used a control: never autoplay after that
    };
  }

  function say(sim, message) {
    sim.status.textContent = message;
  }

  function newGroup(sim) {
    sim.group = flocking.createGroup(sim.people, flocking.mulberry32(sim.seed));
    sim.steps = 0;
    sim.finished = null;
  }

  function drawnWidth(sim) {
    return sim.group.room.width + 2 * MARGIN;
  }

  function drawnHeight(sim) {
    return sim.group.room.height + 2 * MARGIN;
  }

  function resize(sim) {
    var ratio = root.devicePixelRatio || 1;
    var width = Math.max(1, Math.round(sim.canvas.clientWidth * ratio));
    sim.canvas.width = width;
    sim.canvas.height = Math.round((width * drawnHeight(sim)) / drawnWidth(sim));
  }

  /* The room, its walls, and the highlighted person's lines to the two they picked. */
  function drawRoom(sim, paint, scale, at) {
    var context = sim.context;
    var canvas = sim.canvas;
    var me = sim.group.people[0];
    context.fillStyle = paint.room;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = paint.edge;
    context.lineWidth = Math.max(1, scale / 4);
    context.strokeRect(context.lineWidth / 2, context.lineWidth / 2, canvas.width - context.lineWidth, canvas.height - context.lineWidth);
    context.strokeStyle = paint.line;
    context.lineWidth = Math.max(1, scale / 5);
    me.picks.forEach(function (index) {
      context.beginPath();
      context.moveTo(at.x(me), at.y(me));
      context.lineTo(at.x(sim.group.people[index]), at.y(sim.group.people[index]));
      context.stroke();
    });
  }

  function draw(sim) {
    var paint = colours(sim.element);
    var scale = sim.canvas.width / drawnWidth(sim);
    var radius = Math.max(3, 1.2 * scale);
    var context = sim.context;
    var at = {
      x: function (person) {
        return (person.x + MARGIN) * scale;
      },
      y: function (person) {
        return (person.y + MARGIN) * scale;
      },
    };
    drawRoom(sim, paint, scale, at);
    sim.group.people.forEach(function (person, index) {
      context.fillStyle = index === 0 ? paint.highlight : paint.person;
      context.beginPath();
      context.arc(at.x(person), at.y(person), index === 0 ? radius * 1.35 : radius, 0, 2 * Math.PI);
      context.fill();
    });
  }

  function showProgress(sim) {
    var words = sim.people + " people, step " + sim.steps;
    if (sim.finished === "settled") words += ": steady state";
    sim.progress.textContent = words + ".";
  }

  function redraw(sim) {
    draw(sim);
    showProgress(sim);
  }

  function finishedMessage(sim) {
    if (sim.finished === "settled") return "Steady state reached after " + sim.steps + " steps.";
    return (
      "No steady state after " + sim.steps + " steps: some people keep chasing places that keep moving. " +
      "Reset for a new pick."
    );
  }

  function advance(sim) {
    var next = flocking.step(sim.group);
    sim.group = next.group;
    sim.steps += 1;
    if (flocking.isSettled(next.largestMove)) sim.finished = "settled";
    else if (sim.steps >= flocking.DEFAULTS.maxSteps) sim.finished = "unsettled";
  }

  function pause(sim) {
    sim.running = false;
    if (sim.frameId !== null) root.cancelAnimationFrame(sim.frameId);
    sim.frameId = null;
    sim.playButton.textContent = "Play";
  }

  function nextFrame(sim) {
    sim.frameId = root.requestAnimationFrame(function () {
      advance(sim);
      redraw(sim);
      if (sim.finished) {
        pause(sim);
        say(sim, finishedMessage(sim));
      } else {
        nextFrame(sim);
      }
    });
  }

  function play(sim) {
    if (sim.finished) {
      say(sim, sim.finished === "settled" ? finishedMessage(sim) + " Reset for a new pick." : finishedMessage(sim));
      return;
    }
    sim.running = true;
    sim.playButton.textContent = "Pause";
    say(sim, "Running.");
    nextFrame(sim);
  }

  function playOrPause(sim) {
    if (sim.running) {
      pause(sim);
      say(sim, "Paused after " + sim.steps + " steps.");
    } else {
      play(sim);
    }
  }

  function stepOnce(sim) {
    if (sim.running) pause(sim);
    if (sim.finished) {
      say(sim, finishedMessage(sim));
      return;
    }
    advance(sim);
    redraw(sim);
    say(sim, sim.finished ? finishedMessage(sim) : "Step " + sim.steps + ".");
  }

  function reset(sim) {
    pause(sim);
    sim.seed = (sim.seed + 1) >>> 0;
    newGroup(sim);
    redraw(sim);
    say(sim, "New random pick of " + sim.people + " people. Press Play to start.");
  }

  function changePeople(sim) {
    var wanted = sim.peopleInput.value;
    var count = flocking.clampPeople(wanted);
    sim.peopleInput.value = String(count);
    pause(sim);
    sim.people = count;
    newGroup(sim);
    redraw(sim);
    var adjusted = String(count) !== String(wanted).trim() ? "The number of people can be 5 to 60. " : "";
    say(sim, adjusted + "New random pick of " + count + " people. Press Play to start.");
  }

  var ACTIONS = { play: playOrPause, step: stepOnce, reset: reset };

  function listen(sim) {
    sim.element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-flocking-action]");
      if (!button) return;
      sim.touched = true;
      ACTIONS[button.dataset.flockingAction](sim);
    });
    sim.peopleInput.addEventListener("change", function () {
      sim.touched = true;
      changePeople(sim);
    });
    if (typeof root.ResizeObserver === "function") {
      new root.ResizeObserver(function () {
        resize(sim);
        draw(sim);
      }).observe(sim.canvas);
    }
    /* Redraw when the reader switches between the light and dark schemes. */
    new MutationObserver(function () {
      draw(sim);
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  /* Play once the canvas is half in view, unless the reader has taken the controls. */
  function playWhenSeen(sim) {
    if (prefersReducedMotion()) {
      say(sim, "Press Play to start the simulation.");
    } else if (typeof root.IntersectionObserver === "function") {
      var observer = new root.IntersectionObserver(function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        observer.disconnect();
        if (!sim.touched && !sim.running && !sim.finished) play(sim);
      }, { threshold: 0.5 });
      observer.observe(sim.canvas);
    } else {
      play(sim);
    }
  }

  function setUp(element) {
    if (!element.querySelector(".flocking__canvas").getContext) return;
    var sim = createSimulation(element);
    newGroup(sim);
    sim.canvas.style.aspectRatio = drawnWidth(sim) + " / " + drawnHeight(sim);
    element.classList.add("flocking--live");
    element.querySelector(".flocking__live").hidden = false;
    resize(sim);
    redraw(sim);
    listen(sim);
    playWhenSeen(sim);
  }

  course.component("#flocking-simulation", setUp);
})(typeof self !== "undefined" ? self : this);
