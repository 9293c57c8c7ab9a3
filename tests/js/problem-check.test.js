// The self-check's logic: every combination of answers gives its own result, none falls through.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { matches, classify, describe, compare, summary, fill } = require("../../docs/javascripts/problem-check.js");

// The shape course/render/problem_check.py gives the page: three questions, the first without "not sure".
const YES_NO = ["yes", "no"];
const ALL = ["yes", "no", "not-sure"];
const MESSAGES = {
  problem: "Your problem: “{problem}”",
  incomplete: "Answer every question first.",
  missing: "Questions still to answer: {numbers}.",
  none: "No result.",
  typeLabel: "Type:",
  typesLabel: "Types:",
  reframeLabel: "How else could it be framed?",
  same: "Your answers match the model answer for “{title}”.",
  differ: "Questions where your answers differ from the model answer for “{title}”: {numbers}.",
  summary: "Self-check on the typology: {text}",
};
const result = (id, when, types) => ({
  id,
  when,
  headline: `Headline of ${id}`,
  types: types.join(", "),
  typeCount: types.length,
  explanation: `What ${id} means.`,
  reframe: `Who gains if it is called ${id}?`,
});
// Every question named in every `when`, as the page's JSON has it.
const RESULTS = [
  result("drill", { time: ["no"], agreed: ["yes", "not-sure"], known: ["yes"] }, ["Critical (command)", "Tame (management)"]),
  result("drill-disputed", { time: ["no"], agreed: ["no"], known: ["yes"] }, ["Critical (command)", "Tame (management)", "Wicked (leadership)"]),
  result("crisis", { time: ["no"], agreed: ["yes"], known: ["no", "not-sure"] }, ["Critical (command)"]),
  result("crisis-wicked", { time: ["no"], agreed: ["no", "not-sure"], known: ["no", "not-sure"] }, ["Critical (command)", "Wicked (leadership)"]),
  result("tame", { time: ["yes"], agreed: ["yes"], known: ["yes"] }, ["Tame (management)"]),
  result("agreed-new", { time: ["yes"], agreed: ["yes"], known: ["no"] }, ["Wicked (leadership)", "Tame (management)"]),
  result("agreed-unsure", { time: ["yes"], agreed: ["yes"], known: ["not-sure"] }, ["Tame (management)", "Wicked (leadership)"]),
  result("known-fix", { time: ["yes"], agreed: ["no"], known: ["yes"] }, ["Wicked (leadership)", "Tame (management)"]),
  result("wicked", { time: ["yes"], agreed: ["no"], known: ["no", "not-sure"] }, ["Wicked (leadership)"]),
  result("ask", { time: ["yes"], agreed: ["not-sure"], known: ["yes"] }, ["Tame (management)", "Wicked (leadership)"]),
  result("probably-wicked", { time: ["yes"], agreed: ["not-sure"], known: ["no", "not-sure"] }, ["Wicked (leadership)"]),
];
const DATA = {
  questions: [
    { id: "time", number: 1, answers: YES_NO },
    { id: "agreed", number: 2, answers: ALL },
    { id: "known", number: 3, answers: ALL },
  ],
  results: RESULTS,
  scenarios: [{ id: "collapse", title: "A collapse", answers: { time: "no", agreed: "yes", known: "yes" } }],
  messages: MESSAGES,
};

// The answers each result is for, written out as a table, not derived from `when`.
function expectedResult(time, agreed, known) {
  if (time === "no") {
    if (known === "yes") return agreed === "no" ? "drill-disputed" : "drill";
    return agreed === "yes" ? "crisis" : "crisis-wicked";
  }
  if (agreed === "yes") return { yes: "tame", no: "agreed-new", "not-sure": "agreed-unsure" }[known];
  if (agreed === "no") return known === "yes" ? "known-fix" : "wicked";
  return known === "yes" ? "ask" : "probably-wicked";
}

const combinations = [];
for (const time of YES_NO) for (const agreed of ALL) for (const known of ALL) combinations.push({ time, agreed, known });

test("there are 18 combinations of answers, and every result is reached by at least one", () => {
  assert.equal(combinations.length, 18);
  const reached = new Set(combinations.map((answers) => classify(DATA, answers).result.id));
  assert.deepEqual([...reached].sort(), RESULTS.map((r) => r.id).sort());
});

for (const answers of combinations) {
  const { time, agreed, known } = answers;
  test(`time ${time}, agreed ${agreed}, known ${known}: its own result, in full`, () => {
    const outcome = classify(DATA, answers);
    assert.equal(outcome.status, "result");
    assert.equal(outcome.result.id, expectedResult(time, agreed, known));
    assert.equal(RESULTS.filter((r) => matches(r, answers)).length, 1, "exactly one result is for these answers");
    const words = describe(outcome, DATA, "");
    const chosen = outcome.result;
    assert.equal(words.headline, chosen.headline);
    assert.deepEqual(words.lines, [
      { label: chosen.typeCount > 1 ? "Types:" : "Type:", text: chosen.types },
      { label: "", text: chosen.explanation },
      { label: "How else could it be framed?", text: chosen.reframe },
    ]);
  });
}

test("a crisis with a known drill names command now and management, and asks how else it could be framed", () => {
  const words = describe(classify(DATA, { time: "no", agreed: "yes", known: "yes" }), DATA, "Collapse in the waiting room");
  assert.equal(words.problem, "Your problem: “Collapse in the waiting room”");
  assert.equal(words.headline, "Headline of drill");
  assert.equal(words.lines[0].text, "Critical (command), Tame (management)");
  assert.equal(words.lines[2].text, "Who gains if it is called drill?");
});

test("unanswered questions are named by number, in order", () => {
  const outcome = classify(DATA, { agreed: "yes" });
  assert.equal(outcome.status, "incomplete");
  assert.deepEqual(outcome.missing.map((q) => q.id), ["time", "known"]);
  assert.deepEqual(describe(outcome, DATA, ""), {
    problem: "",
    headline: "Answer every question first.",
    lines: [{ label: "", text: "Questions still to answer: 1, 3." }],
  });
});

test("an answer a question does not offer counts as unanswered", () => {
  const outcome = classify(DATA, { time: "not-sure", agreed: "yes", known: "yes" });
  assert.equal(outcome.status, "incomplete");
  assert.deepEqual(outcome.missing.map((q) => q.id), ["time"]);
  assert.equal(classify(DATA, { time: "yes", agreed: "maybe", known: "yes" }).status, "incomplete");
});

test("answers no result is for are said to be so, never given another's result", () => {
  const gappy = { ...DATA, results: RESULTS.filter((r) => r.id !== "wicked") };
  const outcome = classify(gappy, { time: "yes", agreed: "no", known: "no" });
  assert.deepEqual(outcome, { status: "none" });
  assert.deepEqual(describe(outcome, gappy, ""), { problem: "", headline: "No result.", lines: [] });
});

test("a result whose `when` leaves a question out is for any answer to it", () => {
  const any = { id: "any", when: { time: ["no"] } };
  for (const agreed of ALL) assert.ok(matches(any, { time: "no", agreed, known: "yes" }));
  assert.ok(!matches(any, { time: "yes", agreed: "yes", known: "yes" }));
});

test("answers are compared with a scenario's model answer, question by question", () => {
  const [scenario] = DATA.scenarios;
  assert.equal(compare(DATA, scenario, { time: "no", agreed: "yes", known: "yes" }), "Your answers match the model answer for “A collapse”.");
  assert.equal(
    compare(DATA, scenario, { time: "yes", agreed: "yes", known: "no" }),
    "Questions where your answers differ from the model answer for “A collapse”: 1, 3.",
  );
});

test("the summary for an answer box is one paragraph: problem, result, types and the reframing question", () => {
  const outcome = classify(DATA, { time: "yes", agreed: "no", known: "no" });
  assert.equal(
    summary(outcome, DATA, "Health inequalities"),
    "Self-check on the typology: Your problem: “Health inequalities”. Headline of wicked. Type: Wicked (leadership). " +
      "How else could it be framed? Who gains if it is called wicked?",
  );
  assert.equal(
    summary(classify(DATA, { time: "no", agreed: "yes", known: "yes" }), DATA, ""),
    "Self-check on the typology: Headline of drill. Types: Critical (command), Tame (management). How else could it be framed? Who gains if it is called drill?",
  );
});

test("a message's placeholders are filled, and a name it does not know is left as written", () => {
  assert.equal(fill("{a} and {b}", { a: "x" }), "x and {b}");
  assert.equal(fill("{problem}", { problem: "{problem} $& $1" }), "{problem} $& $1");
});
