#!/usr/bin/env node
/* How the flocking simulation behaves, for tuning docs/javascripts/flocking.js
   (a benchmark, not a test): for each group size, how many random picks settle
   within the step limit, how many steps they take, and how long one step takes.
   Also the bytes the site's own scripts add to every page.

   Run: node bench/flocking.js [seeds per size, default 200] */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const flocking = require("../docs/javascripts/flocking.js");

const SEEDS = Number(process.argv[2] || 200);
const SIZES = [5, 10, 20, 40, 60];

function percentile(sorted, share) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] : NaN;
}

console.log(`Flocking: ${SEEDS} random picks per size, limit ${flocking.DEFAULTS.maxSteps} steps`);
console.log("people  settled  median steps  90th pct steps  ms per step");
for (const people of SIZES) {
  const steps = [];
  let settled = 0;
  let stepCount = 0;
  const started = process.hrtime.bigint();
  for (let seed = 1; seed <= SEEDS; seed += 1) {
    const result = flocking.run(flocking.createGroup(people, flocking.mulberry32(seed)));
    stepCount += result.steps;
    if (result.settled) {
      settled += 1;
      steps.push(result.steps);
    }
  }
  const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  steps.sort((a, b) => a - b);
  console.log(
    [
      String(people).padStart(6),
      `${((100 * settled) / SEEDS).toFixed(1)}%`.padStart(8),
      String(percentile(steps, 0.5)).padStart(13),
      String(percentile(steps, 0.9)).padStart(15),
      (milliseconds / stepCount).toFixed(4).padStart(12),
    ].join(" "),
  );
}

const folder = path.join(__dirname, "..", "docs", "javascripts");
let raw = 0;
let gzip = 0;
for (const name of fs.readdirSync(folder).filter((file) => file.endsWith(".js"))) {
  const bytes = fs.readFileSync(path.join(folder, name));
  raw += bytes.length;
  gzip += zlib.gzipSync(bytes, { level: 9 }).length;
}
console.log(`\ndocs/javascripts/: ${raw} bytes raw, ${gzip} bytes gzip (files compressed one by one, as served)`);
