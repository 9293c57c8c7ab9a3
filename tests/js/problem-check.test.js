// The self-check on Grint's typology: every path gives its outcome.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { classify, describe, summary } = require("../../docs/javascripts/problem-check.js");

const types = [
  { id: "critical", name: "Critical", description: "Threatens survival and needs decisive action.", response: "Command", approach: "A command approach.", question: "Is survival at stake?" },
  { id: "tame", name: "Tame", description: "Causes are known.", response: "Management", approach: "A management approach.", question: "Are the causes known?" },
  { id: "wicked", name: "Wicked", description: "Messy, complex and intractable.", response: "Leadership", approach: "A collaborative approach.", question: "Is it messy?" },
];
const only = (id) => Object.fromEntries(types.map((t) => [t.id, t.id === id ? "yes" : "no"]));

for (const [id, response] of [["critical", "command"], ["tame", "management"], ["wicked", "leadership"]]) {
  test(`yes only to the ${id} question suggests a ${id} problem and ${response}`, () => {
    const result = classify(types, only(id));
    assert.equal(result.status, "match");
    assert.deepEqual(result.matches.map((t) => t.id), [id]);
    const words = describe(result, types, "Winter pressures");
    assert.equal(words.headline, `“Winter pressures” looks like a ${id} problem.`);
    assert.equal(words.details.length, 1);
    assert.match(words.details[0], new RegExp(`Leadership response: ${response} \\(`));
    assert.match(words.details[0], /You answered yes to “/);
  });
}

test("the explanation uses the typology's own words", () => {
  const [line] = describe(classify(types, only("critical")), types, "").details;
  assert.equal(
    line,
    "Critical problem: threatens survival and needs decisive action.\nLeadership response: command (a command approach).\nYou answered yes to “Is survival at stake?”",
  );
});

test("yes to several questions names every type that fits, and does not choose", () => {
  const result = classify(types, { critical: "yes", tame: "unsure", wicked: "yes" });
  assert.deepEqual(result.matches.map((t) => t.id), ["critical", "wicked"]);
  const words = describe(result, types, "");
  assert.equal(words.headline, "Your problem fits more than one type: critical and wicked.");
  assert.equal(words.details.length, 3);
  assert.match(words.details[2], /which description fits it best/);
});

test("no yes at all says the problem fits no type clearly", () => {
  const result = classify(types, { critical: "no", tame: "unsure", wicked: "no" });
  assert.deepEqual(result, { status: "none" });
  assert.equal(describe(result, types, "").headline, "Your problem does not clearly fit any of the three types.");
});

test("unanswered questions are named by number", () => {
  const result = classify(types, { tame: "yes" });
  assert.equal(result.status, "incomplete");
  assert.deepEqual(result.missing.map((t) => t.id), ["critical", "wicked"]);
  assert.deepEqual(describe(result, types, ""), { headline: "Answer every question first.", details: ["Questions 1 and 3 still need an answer."] });
  assert.deepEqual(describe(classify(types, { critical: "no", tame: "no" }), types, "").details, ["Question 3 still needs an answer."]);
});

test("an answer that is not one of the choices counts as unanswered", () => {
  assert.equal(classify(types, { critical: "maybe", tame: "no", wicked: "no" }).status, "incomplete");
});

test("the summary for an answer box is one paragraph with the response", () => {
  assert.equal(
    summary(classify(types, only("wicked")), types, "Joining up care"),
    "Self-check on Grint's typology: “Joining up care” looks like a wicked problem. Wicked: leadership (a collaborative approach).",
  );
  assert.equal(summary(classify(types, { critical: "no", tame: "no", wicked: "no" }), types, ""), "Self-check on Grint's typology: Your problem does not clearly fit any of the three types.");
});
