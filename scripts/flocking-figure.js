#!/usr/bin/env node
/* Writes course/render/flocking_figure.json: one run of the flocking simulation
   (docs/javascripts/flocking.js), where the people started and where they
   settled. The macro flocking_simulation() draws it as the static figure shown
   in print and without JavaScript, so the figure comes from the same maths as
   the live simulation. tests/js/flocking-figure.test.js checks the committed
   file is what this script writes.

   Run: node scripts/flocking-figure.js            (writes the file)
        node scripts/flocking-figure.js --stdout   (prints it) */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const flocking = require("../docs/javascripts/flocking.js");

const SEED = 3;
const PEOPLE = 20;
const HIGHLIGHTED = 0; // the person whose two picks the figure joins with lines
const OUTPUT = path.join(__dirname, "..", "course", "render", "flocking_figure.json");

function rounded(people) {
  return people.map((person) => [Math.round(person.x * 100) / 100, Math.round(person.y * 100) / 100]);
}

function figure() {
  const start = flocking.createGroup(PEOPLE, flocking.mulberry32(SEED));
  const result = flocking.run(start);
  if (!result.settled) throw new Error(`seed ${SEED} does not settle; pick another`);
  return {
    comment: "Written by scripts/flocking-figure.js from docs/javascripts/flocking.js; do not edit by hand.",
    seed: SEED,
    steps: result.steps,
    room: start.room,
    highlighted: HIGHLIGHTED,
    picks: start.people[HIGHLIGHTED].picks,
    start: rounded(start.people),
    settled: rounded(result.group.people),
  };
}

/* Pretty JSON with each [x, y] pair on one line, so diffs stay readable. */
function text() {
  return JSON.stringify(figure(), null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, "[$1, $2]") + "\n";
}

if (require.main === module) {
  if (process.argv.includes("--stdout")) process.stdout.write(text());
  else fs.writeFileSync(OUTPUT, text());
}

module.exports = { figure, text, OUTPUT };
