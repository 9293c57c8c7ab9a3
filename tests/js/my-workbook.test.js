// The Markdown and plain-text exports of the learner's answers.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { toMarkdown, toPlainText, countAnswered, tidy } = require("../../docs/javascripts/my-workbook.js");

const workbook = {
  unit: "Unit 3: How to lead beyond your role?",
  programme: "PCN Leadership Development Programme",
  activities: [
    { id: "flocking", label: "Exercise", title: "Flocking", prompts: [{ id: "what-happened", text: "What did you notice?" }] },
    {
      id: "self-activity-8",
      label: "Self-Activity 8",
      title: "What kind of problems?",
      prompts: [
        { id: "define", text: "How would you define them?" },
        { id: "adapt", text: "How might you adapt?" },
      ],
    },
  ],
};
const answers = {
  "flocking:what-happened": "We moved, then stopped.\nNobody led.",
  "self-activity-8:define": "<img src=x onerror=alert(1)> is text",
};
const answerFor = (activity, prompt) => answers[`${activity}:${prompt}`] || "";

test("Markdown: a heading per activity and per prompt, answers as typed, gaps marked", () => {
  assert.equal(
    toMarkdown(workbook, answerFor, "1 March 2025"),
    [
      "# My workbook",
      "",
      "Unit 3: How to lead beyond your role? – PCN Leadership Development Programme",
      "",
      "Saved on 1 March 2025.",
      "",
      "## Exercise: Flocking",
      "",
      "### 1. What did you notice?",
      "",
      "We moved, then stopped.",
      "Nobody led.",
      "",
      "## Self-Activity 8: What kind of problems?",
      "",
      "### 1. How would you define them?",
      "",
      "<img src=x onerror=alert(1)> is text",
      "",
      "### 2. How might you adapt?",
      "",
      "*No answer yet.*",
      "",
    ].join("\n"),
  );
});

test("plain text: underlined activity headings, numbered prompts, indented answers", () => {
  assert.equal(
    toPlainText(workbook, answerFor, "1 March 2025"),
    [
      "MY WORKBOOK",
      "Unit 3: How to lead beyond your role?",
      "PCN Leadership Development Programme",
      "Saved on 1 March 2025.",
      "",
      "",
      "Exercise: Flocking",
      "==================",
      "",
      "1. What did you notice?",
      "",
      "   We moved, then stopped.",
      "   Nobody led.",
      "",
      "",
      "Self-Activity 8: What kind of problems?",
      "=======================================",
      "",
      "1. How would you define them?",
      "",
      "   <img src=x onerror=alert(1)> is text",
      "",
      "2. How might you adapt?",
      "",
      "   (No answer yet.)",
      "",
    ].join("\n"),
  );
});

test("without a date, no 'Saved on' line", () => {
  assert.doesNotMatch(toMarkdown(workbook, answerFor), /Saved on/);
  assert.doesNotMatch(toPlainText(workbook, answerFor), /Saved on/);
});

test("every prompt appears in both files even with no answers at all", () => {
  const none = () => "";
  for (const text of [toMarkdown(workbook, none), toPlainText(workbook, none)]) {
    for (const activity of workbook.activities) {
      for (const prompt of activity.prompts) assert.ok(text.includes(prompt.text), prompt.text);
    }
    assert.equal(text.match(/No answer yet/g).length, 3);
  }
});

test("tidy drops Windows line ends, trailing spaces and surrounding blank lines only", () => {
  assert.equal(tidy("\n\n  indented\r\nline  \r\n\r\n"), "  indented\nline");
});

test("countAnswered counts non-blank answers out of every prompt", () => {
  assert.deepEqual(countAnswered(workbook, answerFor), { answered: 2, total: 3 });
  assert.deepEqual(countAnswered(workbook, () => "  "), { answered: 0, total: 3 });
});
