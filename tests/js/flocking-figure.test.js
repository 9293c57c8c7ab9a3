// The static flocking figure is drawn from the same maths as the live simulation.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const { text, figure, OUTPUT } = require("../../scripts/flocking-figure.js");
const flocking = require("../../docs/javascripts/flocking.js");

test("the committed figure data is what scripts/flocking-figure.js writes now", () => {
  assert.equal(fs.readFileSync(OUTPUT, "utf8"), text(), "run: node scripts/flocking-figure.js");
});

test("the figure shows a settled group: the highlighted person is equidistant from both picks", () => {
  const data = figure();
  assert.equal(data.start.length, data.settled.length);
  const at = ([x, y]) => ({ x, y });
  const me = at(data.settled[data.highlighted]);
  const [a, b] = data.picks.map((i) => at(data.settled[i]));
  assert.ok(Math.abs(flocking.distance(me, a) - flocking.distance(me, b)) < 0.1);
});
