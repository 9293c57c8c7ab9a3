// The flocking rule's maths: the equidistant target, one step, and settling.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const flocking = require("../../docs/javascripts/flocking.js");
const { mulberry32, createGroup, equidistantTarget, step, run, distance, clampPeople, DEFAULTS } = flocking;

const room = { width: 100, height: 70 };
const close = (actual, expected, message) => assert.ok(Math.abs(actual - expected) < 1e-9, `${message}: ${actual} ≠ ${expected}`);

test("the same seed gives the same numbers; another seed, others", () => {
  const first = mulberry32(42);
  const again = mulberry32(42);
  const sequence = Array.from({ length: 5 }, first);
  assert.deepEqual(Array.from({ length: 5 }, again), sequence);
  assert.notDeepEqual(Array.from({ length: 5 }, mulberry32(43)), sequence);
  assert.ok(sequence.every((n) => n >= 0 && n < 1));
});

test("the target is the same distance from both picks", () => {
  const random = mulberry32(7);
  for (let i = 0; i < 200; i += 1) {
    const [me, a, b] = [0, 1, 2].map(() => ({ x: random() * 100, y: random() * 70 }));
    const target = equidistantTarget(me, a, b, room);
    close(distance(target, a), distance(target, b), "equal distances");
    assert.ok(target.x >= -1e-9 && target.x <= 100 + 1e-9 && target.y >= -1e-9 && target.y <= 70 + 1e-9, "inside the room");
  }
});

test("the target is the nearest equidistant place: straight across to the bisector", () => {
  // a and b on a horizontal line: the bisector is the vertical line x = 50.
  const target = equidistantTarget({ x: 20, y: 30 }, { x: 40, y: 10 }, { x: 60, y: 10 }, room);
  close(target.x, 50, "x");
  close(target.y, 30, "y");
});

test("someone already equidistant stays where they are", () => {
  const me = { x: 50, y: 60 };
  const target = equidistantTarget(me, { x: 40, y: 10 }, { x: 60, y: 10 }, room);
  close(target.x, 50, "x");
  close(target.y, 60, "y");
});

test("the nearest equidistant place outside the room is brought back inside, still equidistant", () => {
  // Bisector of a and b is the line y = x - 10 through (50, 40); the nearest point to me is outside.
  const a = { x: 40, y: 50 };
  const b = { x: 60, y: 30 };
  const target = equidistantTarget({ x: 100, y: 200 }, a, b, room);
  close(distance(target, a), distance(target, b), "equal distances");
  close(target.y, 70, "stops at the wall");
  close(target.x, 80, "on the bisector");
});

test("when both picks stand on one spot, stay put", () => {
  assert.deepEqual(equidistantTarget({ x: 1, y: 2 }, { x: 5, y: 5 }, { x: 5, y: 5 }, room), { x: 1, y: 2 });
});

test("a group has 5 to 60 people, each with two different picks other than themselves", () => {
  assert.equal(clampPeople(2), 5);
  assert.equal(clampPeople(99), 60);
  assert.equal(clampPeople("12"), 12);
  assert.equal(clampPeople("not a number"), 5);
  for (const count of [5, 20, 60]) {
    const group = createGroup(count, mulberry32(count), room);
    assert.equal(group.people.length, count);
    group.people.forEach((person, index) => {
      const [first, second] = person.picks;
      assert.notEqual(first, second);
      assert.ok(first !== index && second !== index);
      assert.ok(first >= 0 && first < count && second >= 0 && second < count);
      assert.ok(person.x >= 0 && person.x <= 100 && person.y >= 0 && person.y <= 70);
    });
  }
});

test("every pick is possible: picks are spread over the whole group", () => {
  const picked = new Set();
  for (let seed = 1; seed <= 30; seed += 1) {
    createGroup(6, mulberry32(seed), room).people.forEach((p) => p.picks.forEach((i) => picked.add(i)));
  }
  assert.deepEqual([...picked].sort(), [0, 1, 2, 3, 4, 5]);
});

test("one step moves each person towards their target, no further than the step size", () => {
  const group = createGroup(20, mulberry32(3), room);
  const { group: next, largestMove } = step(group);
  assert.ok(largestMove > 0 && largestMove <= DEFAULTS.maxStep + 1e-12);
  next.people.forEach((person, i) => {
    const before = group.people[i];
    const target = equidistantTarget(before, group.people[before.picks[0]], group.people[before.picks[1]], room);
    assert.ok(distance(person, target) <= distance(before, target) + 1e-12, "closer to the target");
    assert.ok(distance(person, before) <= DEFAULTS.maxStep + 1e-12, "a limited step");
    assert.deepEqual(person.picks, before.picks, "picks never change");
  });
  assert.notEqual(next.people, group.people, "the old group is left as it was");
});

test("a fixed seed settles in a fixed number of steps, with everyone near equidistant", () => {
  const first = run(createGroup(20, mulberry32(3), room));
  const again = run(createGroup(20, mulberry32(3), room));
  assert.equal(first.settled, true);
  assert.equal(first.steps, again.steps);
  assert.ok(first.steps > 10 && first.steps < DEFAULTS.maxSteps);
  const people = first.group.people;
  for (const person of people) {
    const [a, b] = person.picks.map((i) => people[i]);
    const target = equidistantTarget(person, a, b, room);
    // Settled: nobody has further to go than a few times the threshold.
    assert.ok(distance(person, target) < 10 * DEFAULTS.epsilon, "near the place the rule asks for");
  }
  const { largestMove } = step(first.group);
  assert.ok(largestMove < DEFAULTS.epsilon * 1.5, "the next step barely moves anyone");
});

test("most random groups settle; those that do not are reported, not looped forever", () => {
  let settled = 0;
  for (let seed = 1; seed <= 40; seed += 1) {
    const result = run(createGroup(20, mulberry32(seed), room));
    assert.ok(result.steps <= DEFAULTS.maxSteps);
    if (result.settled) settled += 1;
  }
  assert.ok(settled >= 36, `${settled} of 40 settled`);
  const chase = run(createGroup(5, mulberry32(32), room), { maxSteps: 300 });
  assert.equal(chase.settled, false);
  assert.equal(chase.steps, 300);
});
