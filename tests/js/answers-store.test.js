// The answers store: stable keys, saving, restoring, clearing, and a storage that fails.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { answerKey, parseKey, openStorage, createStore, PREFIX } = require("../../docs/javascripts/answers-store.js");

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
  assert.equal(openStorage(() => storage), storage);
  assert.equal(storage.data.size, 0);
});

test("openStorage returns null when storage is blocked, missing or does not keep values", () => {
  assert.equal(openStorage(() => blockedStorage()), null);
  assert.equal(openStorage(() => { throw new Error("SecurityError"); }), null);
  assert.equal(openStorage(() => null), null);
  const forgetful = memoryStorage();
  forgetful.setItem = () => {};
  assert.equal(openStorage(() => forgetful), null);
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
