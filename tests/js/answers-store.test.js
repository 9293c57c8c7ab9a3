// The answers store: stable keys, saving, restoring, clearing, and a storage that fails.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { answersStore } = require("../../docs/javascripts/course.js");
const { keysFor, openStorage } = answersStore;

// Unit 3's storage key (data/programme.yml): the keys its learners' answers were saved under.
const UNIT_3 = "pcn-unit3";
const { answerKey, parseKey, prefix: PREFIX, probe: PROBE } = keysFor(UNIT_3);
const createStore = (storage) => answersStore.createStore(storage, UNIT_3);

/** A stand-in for localStorage with the same methods. */
function memoryStorage(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
    data,
  };
}

/** A storage that throws on every call, as a blocked localStorage does. */
function blockedStorage() {
  const fail = () => {
    throw new Error("SecurityError: access denied");
  };
  return { get length() { return fail(); }, key: fail, getItem: fail, setItem: fail, removeItem: fail };
}

test("keys are stable and name the activity and the prompt", () => {
  assert.equal(answerKey("self-activity-8", "define-with-typology"), "pcn-unit3:answer:self-activity-8:define-with-typology");
  assert.equal(PREFIX, "pcn-unit3:answer:");
  assert.deepEqual(parseKey("pcn-unit3:answer:flocking:what-happened"), { activity: "flocking", prompt: "what-happened" });
});

test("other sites' and other features' keys are not ours", () => {
  for (const key of ["/unit-3/.__palette", "pcn-unit3:answer:", "pcn-unit3:answer:only-one", "pcn-unit3:answer:a:b:c", "x", null]) {
    assert.equal(parseKey(key), null, String(key));
  }
});

test("an answer is saved under its key and read back", () => {
  const storage = memoryStorage();
  const store = createStore(storage);
  assert.equal(store.persistent, true);
  assert.equal(store.set("flocking", "what-happened", "We settled."), true);
  assert.equal(storage.getItem("pcn-unit3:answer:flocking:what-happened"), "We settled.");
  assert.equal(createStore(storage).get("flocking", "what-happened"), "We settled.", "a fresh store (a reload) sees it");
});

test("answers are kept exactly as typed, markup included", () => {
  const store = createStore(memoryStorage());
  const hostile = "<img src=x onerror=alert(1)>\n  two lines & \"quotes\"";
  store.set("a", "b", hostile);
  assert.equal(store.get("a", "b"), hostile);
});

test("a blank answer removes the key rather than keeping whitespace", () => {
  const storage = memoryStorage();
  const store = createStore(storage);
  store.set("a", "b", "something");
  store.set("a", "b", "  \n ");
  assert.equal(storage.data.size, 0);
  assert.equal(store.get("a", "b"), "");
});

test("a missing answer reads as empty text", () => {
  assert.equal(createStore(memoryStorage()).get("nothing", "here"), "");
});

test("all() gathers this unit's answers only", () => {
  const storage = memoryStorage({ "/unit-3/.__palette": "{}", "pcn-unit3:answer:x:y": "one", "pcn-unit3:answer:x:z": "two", "pcn-unit3:answer:w:v": "three" });
  assert.deepEqual(createStore(storage).all(), { x: { y: "one", z: "two" }, w: { v: "three" } });
});

test("clear() deletes every answer and leaves other keys alone", () => {
  const storage = memoryStorage({ "/unit-3/.__palette": "{}", "pcn-unit3:answer:x:y": "one", "pcn-unit3:answer:w:v": "three" });
  const store = createStore(storage);
  assert.equal(store.clear(), 2);
  assert.deepEqual([...storage.data.keys()], ["/unit-3/.__palette"]);
  assert.deepEqual(store.all(), {});
});

test("openStorage returns a working storage and leaves no trace", () => {
  const storage = memoryStorage();
  assert.equal(openStorage(() => storage, PROBE), storage);
  assert.equal(storage.data.size, 0);
});

test("openStorage returns null when storage is blocked, missing or does not keep values", () => {
  assert.equal(openStorage(() => blockedStorage(), PROBE), null);
  assert.equal(openStorage(() => { throw new Error("SecurityError"); }, PROBE), null);
  assert.equal(openStorage(() => null, PROBE), null);
  const forgetful = memoryStorage();
  forgetful.setItem = () => {};
  assert.equal(openStorage(() => forgetful, PROBE), null);
});

test("without storage, answers last in memory for the page and say they were not kept", () => {
  const store = createStore(null);
  assert.equal(store.persistent, false);
  assert.equal(store.set("a", "b", "held"), false);
  assert.equal(store.get("a", "b"), "held");
  assert.deepEqual(store.all(), { a: { b: "held" } });
  assert.equal(store.clear(), 1);
  assert.equal(store.get("a", "b"), "");
});

test("a storage that starts failing (full, or blocked later) keeps the answer in memory", () => {
  const storage = memoryStorage({ "pcn-unit3:answer:a:old": "kept before" });
  const store = createStore(storage);
  storage.setItem = () => {
    throw new Error("QuotaExceededError");
  };
  assert.equal(store.set("a", "b", "new"), false);
  assert.equal(store.get("a", "b"), "new");
  assert.deepEqual(store.all(), { a: { old: "kept before", b: "new" } });
});

test("every method survives a storage that throws on every call", () => {
  const store = createStore(blockedStorage());
  assert.equal(store.get("a", "b"), "");
  assert.equal(store.set("a", "b", "text"), false);
  assert.equal(store.get("a", "b"), "text");
  assert.deepEqual(store.all(), { a: { b: "text" } });
  assert.equal(store.clear(), 1);
});

// --- More than one unit on a site ------------------------------------------------------

test("answers saved before units had their own storage key are Unit 3's, unchanged", () => {
  // Keys as every earlier version of the site wrote them: pcn-unit3:answer:<activity>:<prompt>.
  const storage = memoryStorage({ "pcn-unit3:answer:self-activity-8:define-with-typology": "Saved last year." });
  assert.equal(createStore(storage).get("self-activity-8", "define-with-typology"), "Saved last year.");
  assert.equal(PREFIX, "pcn-unit3:answer:");
});

test("each unit keeps, lists and clears only its own answers", () => {
  const storage = memoryStorage();
  const unit3 = createStore(storage);
  const unit4 = answersStore.createStore(storage, "pcn-unit4");
  unit3.set("flocking", "what-happened", "Unit 3's answer");
  unit4.set("fixture-first-reflection", "first-thought", "Unit 4's answer");
  assert.equal(storage.getItem("pcn-unit4:answer:fixture-first-reflection:first-thought"), "Unit 4's answer");
  assert.deepEqual(unit3.all(), { flocking: { "what-happened": "Unit 3's answer" } });
  assert.deepEqual(unit4.all(), { "fixture-first-reflection": { "first-thought": "Unit 4's answer" } });
  assert.equal(unit4.clear(), 1);
  assert.equal(unit3.get("flocking", "what-happened"), "Unit 3's answer");
});
