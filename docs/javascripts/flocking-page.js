/* The flocking simulation on the complex-systems page
   (course/render/templates/flocking_simulation.html), drawn on a canvas from the maths
   in flocking.js. Play / pause, step, reset with a new random pick, and the
   number of people; status changes are announced in a live region. It starts
   by itself when scrolled into view, unless the reader prefers reduced motion.

   The first pick comes from ?seed=N in the address, or data-seed on the
   element, or at random; each reset takes the next seed, so a given seed
   always replays the same runs (the browser tests rely on it). */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var sim = course.flocking;

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

  var MARGIN = 2; // room units of space around the room, so people at a wall are drawn whole

  function setUp(element) {
    var canvas = element.querySelector(".flocking__canvas");
    var context = canvas.getContext("2d");
    var playButton = element.querySelector('[data-flocking-action="play"]');
    var peopleInput = element.querySelector("#flocking-people");
    var progress = element.querySelector(".flocking__progress");
    var status = element.querySelector(".flocking__status");
    var state = {
      seed: initialSeed(element),
      people: sim.clampPeople(peopleInput.value || element.dataset.people),
      group: null,
      steps: 0,
      finished: null, // "settled", or "unsettled" after too many steps
      running: false,
      frame: null,
      touched: false, // the reader has used a control: never autoplay after that
    };

    function say(message) {
      status.textContent = message;
    }

    function newGroup() {
      state.group = sim.createGroup(state.people, sim.mulberry32(state.seed));
      state.steps = 0;
      state.finished = null;
    }

    function drawnWidth() {
      return state.group.room.width + 2 * MARGIN;
    }

    function drawnHeight() {
      return state.group.room.height + 2 * MARGIN;
    }

    function resize() {
      var ratio = root.devicePixelRatio || 1;
      var width = Math.max(1, Math.round(canvas.clientWidth * ratio));
      canvas.width = width;
      canvas.height = Math.round((width * drawnHeight()) / drawnWidth());
    }

    function draw() {
      var paint = colours(element);
      var scale = canvas.width / drawnWidth();
      var radius = Math.max(3, 1.2 * scale);
      var people = state.group.people;
      function x(person) {
        return (person.x + MARGIN) * scale;
      }
      function y(person) {
        return (person.y + MARGIN) * scale;
      }
      context.fillStyle = paint.room;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.strokeStyle = paint.edge;
      context.lineWidth = Math.max(1, scale / 4);
      context.strokeRect(context.lineWidth / 2, context.lineWidth / 2, canvas.width - context.lineWidth, canvas.height - context.lineWidth);
      var me = people[0];
      context.strokeStyle = paint.line;
      context.lineWidth = Math.max(1, scale / 5);
      me.picks.forEach(function (index) {
        context.beginPath();
        context.moveTo(x(me), y(me));
        context.lineTo(x(people[index]), y(people[index]));
        context.stroke();
      });
      people.forEach(function (person, index) {
        context.fillStyle = index === 0 ? paint.highlight : paint.person;
        context.beginPath();
        context.arc(x(person), y(person), index === 0 ? radius * 1.35 : radius, 0, 2 * Math.PI);
        context.fill();
      });
    }

    function showProgress() {
      var words = state.people + " people, step " + state.steps;
      if (state.finished === "settled") words += ": steady state";
      progress.textContent = words + ".";
    }

    function finishedMessage() {
      if (state.finished === "settled") return "Steady state reached after " + state.steps + " steps.";
      return (
        "No steady state after " + state.steps + " steps: some people keep chasing places that keep moving. " +
        "Reset for a new pick."
      );
    }

    function advance() {
      var next = sim.step(state.group);
      state.group = next.group;
      state.steps += 1;
      if (sim.isSettled(next.largestMove)) state.finished = "settled";
      else if (state.steps >= sim.DEFAULTS.maxSteps) state.finished = "unsettled";
    }

    function pause() {
      state.running = false;
      if (state.frame !== null) root.cancelAnimationFrame(state.frame);
      state.frame = null;
      playButton.textContent = "Play";
    }

    function frame() {
      advance();
      draw();
      showProgress();
      if (state.finished) {
        pause();
        say(finishedMessage());
      } else {
        state.frame = root.requestAnimationFrame(frame);
      }
    }

    function play() {
      if (state.finished) {
        say(state.finished === "settled" ? finishedMessage() + " Reset for a new pick." : finishedMessage());
        return;
      }
      state.running = true;
      playButton.textContent = "Pause";
      say("Running.");
      state.frame = root.requestAnimationFrame(frame);
    }

    function stepOnce() {
      if (state.running) pause();
      if (state.finished) {
        say(finishedMessage());
        return;
      }
      advance();
      draw();
      showProgress();
      say(state.finished ? finishedMessage() : "Step " + state.steps + ".");
    }

    function reset() {
      pause();
      state.seed = (state.seed + 1) >>> 0;
      newGroup();
      draw();
      showProgress();
      say("New random pick of " + state.people + " people. Press Play to start.");
    }

    function changePeople() {
      var wanted = peopleInput.value;
      var count = sim.clampPeople(wanted);
      peopleInput.value = String(count);
      pause();
      state.people = count;
      newGroup();
      draw();
      showProgress();
      var adjusted = String(count) !== String(wanted).trim() ? "The number of people can be 5 to 60. " : "";
      say(adjusted + "New random pick of " + count + " people. Press Play to start.");
    }

    var actions = {
      play: function () {
        if (state.running) {
          pause();
          say("Paused after " + state.steps + " steps.");
        } else {
          play();
        }
      },
      step: stepOnce,
      reset: reset,
    };

    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-flocking-action]");
      if (!button) return;
      state.touched = true;
      actions[button.dataset.flockingAction]();
    });
    peopleInput.addEventListener("change", function () {
      state.touched = true;
      changePeople();
    });

    newGroup();
    canvas.style.aspectRatio = drawnWidth() + " / " + drawnHeight();
    element.classList.add("flocking--live");
    element.querySelector(".flocking__live").hidden = false;
    resize();
    draw();
    showProgress();

    if (typeof root.ResizeObserver === "function") {
      new root.ResizeObserver(function () {
        resize();
        draw();
      }).observe(canvas);
    }
    /* Redraw when the reader switches between the light and dark schemes. */
    new MutationObserver(draw).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

    if (prefersReducedMotion()) {
      say("Press Play to start the simulation.");
    } else if (typeof root.IntersectionObserver === "function") {
      var observer = new root.IntersectionObserver(
        function (entries) {
          if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
          observer.disconnect();
          if (!state.touched && !state.running && !state.finished) play();
        },
        { threshold: 0.5 },
      );
      observer.observe(canvas);
    } else {
      play();
    }
  }

  course.onReady(function () {
    var element = document.getElementById("flocking-simulation");
    if (!element || element.dataset.flockingReady || !element.querySelector(".flocking__canvas").getContext) return;
    element.dataset.flockingReady = "true";
    setUp(element);
  });
})(self);
