// The reflective record: what goes in it from given answers, as text and as a Word document.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const zlib = require("node:zlib");
const { longDate, recordOf, toPlainText, toWordDocument } = require("../../docs/javascripts/reflective-record.js");

const LABELS = {
  date: "Date",
  timeSpent: "Time spent",
  website: "Website",
  outcomes: "Outcomes",
  outcomesLead: "You will be able to:",
  account: "Account",
  touched: "touched",
  dimension: "Dimension",
  how: "How",
  answers: "Answers",
  source: "Source",
  notGiven: "Not given",
  notWritten: "Not written yet.",
  noAnswers: "No answers yet.",
};
const data = {
  id: "reflective-record",
  labels: LABELS,
  title: "Reflective record",
  unit: "Unit 1: A unit",
  programme: "A programme",
  website: "example.org/course/",
  fileName: "unit-1-reflective-record",
  outcomes: ["Tell problems apart.", "Name the next step."],
  account: [
    { id: "activity", heading: "The activity", drawsOn: [] },
    {
      id: "practice",
      heading: "My practice",
      drawsOn: [
        { activity: "closing", prompt: "one-thing", text: "One thing I will do" },
        { activity: "closing", prompt: "with-whom", text: "With whom" },
      ],
    },
    { id: "standards", heading: "My standards", drawsOn: [] },
  ],
  accountNote: "These parts follow a guide.",
  accountSource: "A council, A guide: https://example.org/guide",
  model: "The Model",
  touched: [{ name: "Seeing", how: "Walking together." }],
  touchesNote: "The choice is the site's.",
  modelSource: "An academy, The Model",
  activities: [
    { id: "walk", label: "Exercise", title: "Walking", prompts: [{ id: "noticed", text: "What did you notice?" }] },
    {
      id: "closing",
      label: "Self-Activity 9",
      title: "Closing",
      prompts: [
        { id: "one-thing", text: "One thing I will do" },
        { id: "with-whom", text: "With whom" },
      ],
    },
  ],
};
const answers = {
  "reflective-record:activity": "Worked through the unit.\r\nOn my own.  ",
  "closing:one-thing": "Ask the <b>PCN</b> board & others",
  "walk:noticed": "   ",
};
const answerFor = (activity, prompt) => answers[`${activity}:${prompt}`] || "";
const details = { date: "2026-03-07", timeSpent: " 2 hours " };

test("a date from the date picker is written out; anything else stays as typed", () => {
  assert.equal(longDate("2026-03-07"), "7 March 2026");
  assert.equal(longDate("2026-12-31"), "31 December 2026");
  assert.equal(longDate("2026-13-01"), "2026-13-01");
  assert.equal(longDate("7/3/2026"), "7/3/2026");
  assert.equal(longDate(""), "");
});

test("the record holds the details, the outcomes, the learner's words, the answers drawn on and only the answered prompts", () => {
  const record = recordOf(data, answerFor, details);
  assert.equal(record.date, "7 March 2026");
  assert.equal(record.timeSpent, "2 hours");
  assert.deepEqual(record.outcomes, data.outcomes);
  assert.deepEqual(
    record.account.map((part) => [part.id, part.text, part.drawn]),
    [
      ["activity", "Worked through the unit.\nOn my own.", []],
      ["practice", "", [{ prompt: "One thing I will do", answer: "Ask the <b>PCN</b> board & others" }]],
      ["standards", "", []],
    ],
  );
  // A blank answer is no answer; an activity with none is left out.
  assert.deepEqual(record.activities, [
    { heading: "Self-Activity 9: Closing", prompts: [{ text: "One thing I will do", answer: "Ask the <b>PCN</b> board & others" }] },
  ]);
});

test("without details or answers, the record says so", () => {
  const record = recordOf(data, () => "", { date: "", timeSpent: "" });
  const text = toPlainText(record);
  assert.match(text, /^Date: Not given$/m);
  assert.match(text, /^Time spent: Not given$/m);
  assert.equal(text.split("(Not written yet.)").length - 1, data.account.length);
  assert.match(text, /^No answers yet\.$/m);
});

test("the text file: the details, each section underlined, answers indented under their prompts", () => {
  const text = toPlainText(recordOf(data, answerFor, details));
  assert.equal(
    text,
    [
      "REFLECTIVE RECORD",
      "Unit 1: A unit",
      "A programme",
      "",
      "Date: 7 March 2026",
      "Time spent: 2 hours",
      "Website: example.org/course/",
      "",
      "",
      "OUTCOMES",
      "========",
      "",
      "You will be able to:",
      "1. Tell problems apart.",
      "2. Name the next step.",
      "",
      "",
      "ACCOUNT",
      "=======",
      "",
      "The activity",
      "------------",
      "   Worked through the unit.",
      "   On my own.",
      "",
      "My practice",
      "-----------",
      "",
      "   One thing I will do",
      "      Ask the <b>PCN</b> board & others",
      "",
      "My standards",
      "------------",
      "   (Not written yet.)",
      "",
      "These parts follow a guide.",
      "Source: A council, A guide: https://example.org/guide",
      "",
      "",
      "THE MODEL: TOUCHED",
      "==================",
      "",
      "- Seeing: Walking together.",
      "",
      "The choice is the site's.",
      "Source: An academy, The Model",
      "",
      "",
      "ANSWERS",
      "=======",
      "",
      "Self-Activity 9: Closing",
      "------------------------",
      "   One thing I will do",
      "      Ask the <b>PCN</b> board & others",
      "",
    ].join("\n"),
  );
});

/* The vendored docx library, run as the browser runs it: a script that defines `docx`. */
function docxLibrary() {
  const file = path.join(__dirname, "..", "..", "docs", "javascripts", "vendor", "docx.min.js");
  const context = vm.createContext({ Blob, TextEncoder, TextDecoder, setTimeout, clearTimeout, console });
  vm.runInContext(`${fs.readFileSync(file, "utf8")}\nthis.docx = docx;`, context);
  return context.docx;
}

/* One file of a zip, read from its local header (stored or deflated). */
function unzipOne(buffer, name) {
  for (let at = buffer.indexOf("PK\x03\x04"); at !== -1; at = buffer.indexOf("PK\x03\x04", at + 4)) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    if (buffer.toString("utf8", at + 30, at + 30 + nameLength) !== name) continue;
    const start = at + 30 + nameLength + extra;
    const body = buffer.subarray(start, start + size);
    return (method === 8 ? zlib.inflateRawSync(body) : body).toString("utf8");
  }
  throw new Error(`${name} is not in the zip`);
}

test("the Word document holds the same record, its markup escaped, as a .docx that Word opens", async () => {
  const docx = docxLibrary();
  const document = toWordDocument(recordOf(data, answerFor, details), docx);
  const blob = await docx.Packer.toBlob(document);
  const bytes = Buffer.from(await blob.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), "PK", "a .docx is a zip");
  const xml = unzipOne(bytes, "word/document.xml");
  const words = xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g).map((run) => run.replace(/<[^>]+>/g, "")).join("|");
  for (const expected of ["Reflective record", "Unit 1: A unit", "7 March 2026", "2 hours", "1. Tell problems apart.", "Worked through the unit.", "On my own.", "Seeing: ", "Walking together.", "Self-Activity 9: Closing", "Not written yet."]) {
    assert.ok(words.includes(expected), `${expected} in the document: ${words}`);
  }
  assert.ok(xml.includes("Ask the &lt;b&gt;PCN&lt;/b&gt; board &amp; others"), "markup typed in an answer is text in the document");
  assert.ok(!words.includes("What did you notice?"), "an unanswered prompt is left out");
  assert.match(unzipOne(bytes, "docProps/core.xml"), /<dc:title>Reflective record: Unit 1: A unit<\/dc:title>/);
});
