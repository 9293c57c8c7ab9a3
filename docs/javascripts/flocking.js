/* The flocking exercise as a simulation. Pure maths, no DOM: tested with node
   (tests/js/flocking.test.js), and used by scripts/flocking-figure.js to draw
   the static figure shown in print and without JavaScript.

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
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    var name = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    (root[name] = root[name] || {}).flocking = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
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

  return {
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
});
