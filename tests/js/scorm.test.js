// The SCORM package's script, its pure logic: the session's time, the answers in cmi.suspend_data
// and back, which answers a relaunch restores, finding the API, and reading every call's error.
// The session itself runs against a SCORM 1.2 runtime in Chromium: tests/site/test_scorm_browser.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { scorm } = require("../../docs/javascripts/scorm.js");
const fflate = require("../../docs/javascripts/vendor/fflate.min.js");

const compress = scorm.compressor(fflate);
const decompress = scorm.decompressor(fflate);
// SCORM 1.2's CMITimespan as scorm-again and Moodle check it, with four digits of hours as asked for.
const HHHH_MM_SS_SS = /^\d{4}:\d{2}:\d{2}\.\d{2}$/;
// About 150 characters of plain English, as a learner's answer might run (course/scorm/budget.py: MINIMUM_ANSWER_LENGTH).
const ANSWER =
  "We agreed to meet the practice managers monthly, to share what each practice does well, and to try one change together before the next meeting.";

test("the session's time is HHHH:MM:SS.SS, whatever its length", () => {
  assert.equal(scorm.sessionTime(0), "0000:00:00.00");
  assert.equal(scorm.sessionTime(3_723_450), "0001:02:03.45");
  assert.equal(scorm.sessionTime(59_999), "0000:00:59.99");
  assert.equal(scorm.sessionTime(-5), "0000:00:00.00");
  assert.equal(scorm.sessionTime(1e12), "9999:59:59.99");
  for (const ms of [1, 999, 86_400_000, 12_345_678]) assert.match(scorm.sessionTime(ms), HHHH_MM_SS_SS);
});

test("answers go into cmi.suspend_data and come back as they were, with their stamp", () => {
  const answers = { "what-i-will-do-differently": { "one-thing": "Meet monthly \u2014 \u00e9t\u00e9 \u201cquoted\u201d\n\nand more" } };
  const data = scorm.encodeAnswers(answers, 1_767_225_600_000, compress);
  assert.ok(data.startsWith(scorm.FORMAT));
  assert.match(data.slice(scorm.FORMAT.length), /^[A-Za-z0-9+/]*={0,2}$/, "base64: characters every platform stores as they are");
  assert.deepEqual(scorm.decodeAnswers(data, decompress), { stamp: 1_767_225_600_000, answers });
  assert.equal(scorm.decodeAnswers("", decompress), null, "nothing saved yet");
});

test("compressed English answers take fewer characters than the check counts for them", () => {
  const answers = {};
  for (let activity = 0; activity < 8; activity += 1) {
    answers[`activity-number-${activity}`] = {};
    for (let prompt = 0; prompt < 3; prompt += 1) answers[`activity-number-${activity}`][`prompt-${prompt}`] = ANSWER;
  }
  const raw = scorm.FORMAT.length + JSON.stringify({ t: Date.now(), a: answers }).length;
  const data = scorm.encodeAnswers(answers, Date.now(), compress);
  assert.ok(data.length < raw, `${data.length} compressed, ${raw} uncompressed`);
});

test("saved state that cannot be read is refused, saying why", () => {
  const refusals = [
    ["somebody else's data", /not in this unit's format/],
    [`${scorm.FORMAT}!!!not base64!!!`, /could not be decompressed/],
    [`${scorm.FORMAT}${Buffer.from("not deflated").toString("base64")}`, /could not be decompressed/],
    [scorm.FORMAT + compress("{not json"), /damaged/],
    [scorm.FORMAT + compress(JSON.stringify({ t: 1, a: { x: { y: 3 } } })), /does not hold answers/],
    [scorm.FORMAT + compress(JSON.stringify({ a: {} })), /does not hold answers/],
    [scorm.FORMAT + compress("null"), /does not hold answers/],
  ];
  for (const [text, reason] of refusals) assert.throws(() => scorm.decodeAnswers(text, decompress), reason, text);
});

test("a relaunch restores the platform's answers unless this browser saved later", () => {
  const saved = { stamp: 2000, answers: { a: { one: "platform's", two: "same", blank: "  " } } };
  const current = { a: { one: "browser's", two: "same", only: "browser only" } };
  assert.deepEqual(scorm.answersToRestore(saved, null, current), [{ activity: "a", prompt: "one", text: "platform's" }]);
  assert.deepEqual(scorm.answersToRestore(saved, 1000, current), [{ activity: "a", prompt: "one", text: "platform's" }]);
  assert.deepEqual(scorm.answersToRestore(saved, 2000, current), [], "this browser sent that very save");
  assert.deepEqual(scorm.answersToRestore(saved, 3000, current), [], "this browser saved later (the platform missed it)");
  assert.deepEqual(scorm.answersToRestore(null, null, current), []);
});

/** A window, its parents and opener, as the API discovery sees them. */
function frames(depth, { apiAt = null, opener = null, foreignAt = null } = {}) {
  const chain = [];
  for (let level = 0; level <= depth; level += 1) chain.push({ level });
  chain.forEach((win, level) => {
    win.parent = chain[level + 1] || win;
    if (level === apiAt) win.API = { found: level };
    if (level === foreignAt) Object.defineProperty(win, "API", { get: () => { throw new Error("SecurityError"); } });
  });
  chain[0].opener = opener;
  return chain[0];
}

test("the API is found up the parent frames, past another site's, then in the opener's", () => {
  assert.deepEqual(scorm.findApi(frames(3, { apiAt: 3 })), { found: 3 });
  assert.deepEqual(scorm.findApi(frames(4, { apiAt: 4, foreignAt: 2 })), { found: 4 });
  assert.deepEqual(scorm.findApi(frames(1, { opener: frames(2, { apiAt: 2 }) })), { found: 2 });
  assert.equal(scorm.findApi(frames(3)), null);
  assert.equal(scorm.findApi(frames(scorm.MAX_PARENTS + 5, { apiAt: scorm.MAX_PARENTS + 5 })), null, "at most MAX_PARENTS up");
});

test("only the package's own pages are places to come back to", () => {
  const base = "https://lms.example/mod/scorm/123/";
  const pages = ["index.html", "pcn-ethos.html", "unit-2/index.html"];
  assert.equal(scorm.pageOf(pages, base, `${base}pcn-ethos.html#the-ethos`), "pcn-ethos.html");
  assert.equal(scorm.pageOf(pages, base, `${base}unit-2/index.html?h=wicked`), "unit-2/index.html");
  assert.equal(scorm.pageOf(pages, base, `${base}scorm-launch.html`), null);
  assert.equal(scorm.pageOf(pages, base, "https://elsewhere.example/pcn-ethos.html"), null);
  assert.equal(scorm.pageOf(pages, base, "javascript:alert(1)"), null);
});

/** A SCORM 1.2 API that records its calls, failing where told. */
function recordingApi(failures = {}) {
  const calls = [];
  let last = "0";
  const answer = (name, result) => (...args) => {
    calls.push([name, ...args]);
    const failure = failures[`${name} ${args[0] ?? ""}`.trim()];
    last = failure ? failure.code : "0";
    return failure ? failure.result : result;
  };
  return {
    calls,
    LMSInitialize: answer("LMSInitialize", "true"),
    LMSGetValue: answer("LMSGetValue", ""),
    LMSSetValue: answer("LMSSetValue", "true"),
    LMSCommit: answer("LMSCommit", "true"),
    LMSFinish: answer("LMSFinish", "true"),
    LMSGetLastError: () => (calls.push(["LMSGetLastError"]), last),
    LMSGetErrorString: (code) => (calls.push(["LMSGetErrorString", code]), code === "0" ? "No error" : "Invalid argument error"),
  };
}

test("every call is followed by LMSGetLastError, and each failure is reported with its words", () => {
  const api = recordingApi({ "LMSSetValue cmi.suspend_data": { result: "false", code: "405" }, LMSCommit: { result: "false", code: "0" } });
  const reports = [];
  const session = scorm.createSession(api, (problem) => reports.push(problem));
  assert.equal(session.call("LMSInitialize", [""]), "true");
  assert.equal(session.call("LMSGetValue", ["cmi.suspend_data"]), "", "an empty value is no failure");
  assert.equal(session.call("LMSSetValue", ["cmi.suspend_data", "u1:x"]), null);
  assert.equal(session.call("LMSCommit", [""]), null, "'false' is a failure even with error 0");
  assert.deepEqual(
    api.calls.map((call) => call[0]),
    ["LMSInitialize", "LMSGetLastError", "LMSGetValue", "LMSGetLastError", "LMSSetValue", "LMSGetLastError", "LMSGetErrorString", "LMSCommit", "LMSGetLastError", "LMSGetErrorString"],
  );
  assert.deepEqual(reports, [
    { call: "LMSSetValue", element: "cmi.suspend_data", code: "405", text: "Invalid argument error" },
    { call: "LMSCommit", element: "", code: "0", text: "No error" },
  ]);
});

test("an API that throws is reported, not left to stop the page", () => {
  const reports = [];
  const api = { LMSInitialize: () => { throw new Error("the platform went away"); }, LMSGetLastError: () => "0" };
  assert.equal(scorm.createSession(api, (problem) => reports.push(problem)).call("LMSInitialize", [""]), null);
  assert.equal(reports[0].text, "the platform went away");
});
