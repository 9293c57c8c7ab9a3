// The evaluation form's text file (docs/javascripts/before-and-after.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { evaluationText } = require("../../docs/javascripts/before-and-after.js");

const data = {
  title: "Evaluation form",
  unit: "Unit 3: How to lead beyond your role?",
  programme: "PCN Leadership Development Programme",
  statements: [
    { id: "useful", text: "The session was useful." },
    { id: "pace", text: "The pace was right." },
  ],
  questions: [{ id: "best", text: "What was best?" }],
  messages: { noAnswer: "Not answered", statements: "How far do you agree?" },
};

test("each statement with its answer, each question with what was written, gaps marked", () => {
  const answers = { useful: "Agree", best: "The walk.\r\nThe <b>talk</b>.  \n\n" };
  assert.equal(
    evaluationText(data, (id) => answers[id] || ""),
    [
      "EVALUATION FORM",
      "Unit 3: How to lead beyond your role?",
      "PCN Leadership Development Programme",
      "",
      "How far do you agree?",
      "",
      "- The session was useful.",
      "   Agree",
      "",
      "- The pace was right.",
      "   (Not answered)",
      "",
      "1. What was best?",
      "   The walk.",
      "   The <b>talk</b>.",
      "",
    ].join("\n"),
  );
});

test("an empty form still lists every statement and question", () => {
  const text = evaluationText(data, () => "");
  assert.equal((text.match(/\(Not answered\)/g) || []).length, 3);
  assert.ok(text.endsWith("1. What was best?\n   (Not answered)\n"));
});
