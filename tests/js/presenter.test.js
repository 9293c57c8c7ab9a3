// The presenter view's timer and running order: counting down, pausing, time up, words for the screen and for a screen reader.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const presenter = require("../../docs/javascripts/presenter.js");

const { createTimer, start, pause, reset, secondsLeft, view, announcement, actionMessage } = presenter;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const T0 = 1_700_000_000_000; // any clock will do

test("a new timer shows its planned minutes, not started", () => {
  const shown = view(createTimer(15), T0);
  assert.equal(shown.time, "15:00");
  assert.equal(shown.text, "15:00 left");
  assert.equal(shown.state, "ready");
  assert.equal(shown.status, "Not started");
  assert.equal(shown.button, "Start");
  assert.equal(shown.left, 1);
  assert.equal(shown.up, false);
});

test("a waiting timer does not count down however long it waits", () => {
  assert.equal(view(createTimer(10), T0 + 5 * MINUTE).text, "10:00 left");
});

test("a running timer counts down in whole seconds, rounded up", () => {
  const timer = start(createTimer(15), T0);
  assert.equal(view(timer, T0).text, "15:00 left");
  assert.equal(view(timer, T0 + 400).text, "15:00 left");
  assert.equal(view(timer, T0 + SECOND).text, "14:59 left");
  assert.equal(view(timer, T0 + 2 * MINUTE + 30 * SECOND).text, "12:30 left");
  assert.equal(view(timer, T0 + 15 * MINUTE - SECOND).text, "0:01 left");
  const shown = view(timer, T0 + 2 * MINUTE);
  assert.equal(shown.state, "running");
  assert.equal(shown.status, "Running");
  assert.equal(shown.button, "Pause");
  assert.ok(Math.abs(shown.left - 13 / 15) < 1e-9);
});

test("pausing keeps the time left; resuming carries on from there", () => {
  let timer = start(createTimer(15), T0);
  timer = pause(timer, T0 + 2 * MINUTE + 30 * SECOND);
  assert.equal(view(timer, T0 + 20 * MINUTE).text, "12:30 left", "a paused timer stands still");
  assert.equal(view(timer, T0).state, "paused");
  assert.equal(view(timer, T0).status, "Paused");
  assert.equal(view(timer, T0).button, "Resume");
  timer = start(timer, T0 + 20 * MINUTE);
  assert.equal(view(timer, T0 + 21 * MINUTE).text, "11:30 left");
});

test("start on a running timer and pause on a stopped one change nothing", () => {
  const running = start(createTimer(5), T0);
  assert.equal(start(running, T0 + MINUTE), running);
  const waiting = createTimer(5);
  assert.equal(pause(waiting, T0), waiting);
});

test("reset goes back to the planned minutes, stopped", () => {
  let timer = start(createTimer(10), T0);
  timer = reset(timer);
  assert.equal(view(timer, T0 + 3 * MINUTE).text, "10:00 left");
  assert.equal(view(timer, T0 + 3 * MINUTE).state, "ready");
});

test("at zero it says time is up in words, then counts the time over", () => {
  const timer = start(createTimer(1), T0);
  const up = view(timer, T0 + MINUTE);
  assert.equal(up.up, true);
  assert.equal(up.time, "Time is up");
  assert.equal(up.text, "Time is up");
  assert.equal(up.after, "");
  assert.equal(up.left, 0);
  const over = view(timer, T0 + 3 * MINUTE + 5 * SECOND);
  assert.equal(over.text, "Time is up, 2:05 over");
  assert.equal(over.after, "2:05 over");
  assert.equal(over.state, "up");
  assert.equal(over.button, "Pause");
  const paused = view(pause(timer, T0 + 2 * MINUTE), T0 + 9 * MINUTE);
  assert.equal(paused.text, "Time is up, 1:00 over");
  assert.equal(paused.status, "Paused");
});

test("seconds left are whole seconds on either side of zero", () => {
  const timer = start(createTimer(1), T0);
  assert.equal(secondsLeft(timer, T0 + MINUTE - 1), 1);
  assert.equal(secondsLeft(timer, T0 + MINUTE), 0);
  assert.equal(secondsLeft(timer, T0 + MINUTE + 999), 0);
  assert.equal(secondsLeft(timer, T0 + MINUTE + SECOND), -1);
  assert.ok(!Object.is(secondsLeft(timer, T0 + MINUTE + 500), -0));
});

test("the clock and the spoken time", () => {
  assert.equal(presenter.clock(750), "12:30");
  assert.equal(presenter.clock(59), "0:59");
  assert.equal(presenter.clock(-125), "2:05");
  assert.equal(presenter.clock(90 * 60), "90:00");
  assert.equal(presenter.spoken(750), "12 minutes 30 seconds");
  assert.equal(presenter.spoken(60), "1 minute");
  assert.equal(presenter.spoken(61), "1 minute 1 second");
  assert.equal(presenter.spoken(5), "5 seconds");
  assert.equal(presenter.spoken(-120), "2 minutes");
});

test("a screen reader hears each whole minute left and time up, not every second", () => {
  const timer = start(createTimer(15), T0);
  const heard = [];
  let before = secondsLeft(timer, T0);
  for (let now = T0; now <= T0 + 17 * MINUTE; now += 250) {
    const after = secondsLeft(timer, now);
    const words = announcement(before, after);
    if (words) heard.push(words);
    before = after;
  }
  const minutes = Array.from({ length: 14 }, (_, i) => 14 - i).map((n) => `${n} minute${n === 1 ? "" : "s"} left.`);
  assert.deepEqual(heard, [...minutes, "Time is up."]);
});

test("a late tick (a tab in the background) still says the minute it is in, once", () => {
  assert.equal(announcement(845, 838), "14 minutes left.");
  assert.equal(announcement(838, 835), null);
  assert.equal(announcement(3, -4), "Time is up.");
  assert.equal(announcement(-4, -70), null);
});

test("starting, pausing and resetting are put into words", () => {
  let timer = createTimer(15);
  assert.equal(actionMessage("start", start(timer, T0), T0), "Timer running: 15 minutes left.");
  timer = pause(start(timer, T0), T0 + 2 * MINUTE + 30 * SECOND);
  assert.equal(actionMessage("pause", timer, T0), "Timer paused: 12 minutes 30 seconds left.");
  const over = pause(start(createTimer(1), T0), T0 + 2 * MINUTE);
  assert.equal(actionMessage("pause", over, T0), "Timer paused: time is up, 1 minute over.");
  assert.equal(actionMessage("pause", pause(start(createTimer(1), T0), T0 + MINUTE), T0), "Timer paused: time is up.");
  assert.equal(actionMessage("reset", reset(timer), T0), "Timer reset to 15 minutes.");
});

test("arriving at a slide says where it is in the running order and how its timer stands", () => {
  assert.equal(presenter.arrivalMessage(2, 4, createTimer(10), T0), "Slide 2 of 4. Timer not started: 10 minutes.");
  const paused = pause(start(createTimer(10), T0), T0 + 90 * SECOND);
  assert.equal(presenter.arrivalMessage(1, 4, paused, T0), "Slide 1 of 4. Timer paused: 8 minutes 30 seconds left.");
  assert.equal(presenter.arrivalMessage(4, 4, start(createTimer(1), T0), T0 + 2 * MINUTE), "Slide 4 of 4. Timer running: time is up, 1 minute over.");
  assert.equal(presenter.arrivalMessage(3, 20, null, T0), "Slide 3 of 20.", "a slide with no activity has no timer");
});

// --- The running order ------------------------------------------------------------

const ids = ["flocking", "self-activity-7", "leading-complex-pcn-projects", "self-activity-8"];

test("the address picks a slide; an unknown or empty one gives the first, or the slide already shown", () => {
  assert.equal(presenter.slideFor(ids, "#self-activity-7"), "self-activity-7");
  assert.equal(presenter.slideFor(ids, "self-activity-8"), "self-activity-8");
  assert.equal(presenter.slideFor(ids, ""), "flocking");
  assert.equal(presenter.slideFor(ids, "#no-such-activity"), "flocking");
  assert.equal(presenter.slideFor(ids, "#%E0%A4%A"), "flocking", "a malformed address");
  assert.equal(presenter.slideFor(ids, undefined), "flocking");
  assert.equal(presenter.slideFor(ids, "#presenter-view", "self-activity-8"), "self-activity-8", "another anchor keeps the slide shown");
  assert.equal(presenter.slideFor(ids, "#flocking", "self-activity-8"), "flocking");
});

test("moving goes one activity back or on, and stops at either end", () => {
  assert.equal(presenter.neighbour(ids, "flocking", 1), "self-activity-7");
  assert.equal(presenter.neighbour(ids, "self-activity-7", -1), "flocking");
  assert.equal(presenter.neighbour(ids, "flocking", -1), null);
  assert.equal(presenter.neighbour(ids, "self-activity-8", 1), null);
  assert.equal(presenter.neighbour(ids, "missing", 1), null);
});

test("left and right arrows, and a clicker's page keys, move; with a modifier they do not", () => {
  assert.equal(presenter.stepForKey({ key: "ArrowRight" }), 1);
  assert.equal(presenter.stepForKey({ key: "PageDown" }), 1);
  assert.equal(presenter.stepForKey({ key: "ArrowLeft" }), -1);
  assert.equal(presenter.stepForKey({ key: "PageUp" }), -1);
  assert.equal(presenter.stepForKey({ key: "ArrowDown" }), 0);
  assert.equal(presenter.stepForKey({ key: " " }), 0);
  assert.equal(presenter.stepForKey({ key: "ArrowLeft", altKey: true }), 0, "Alt+Left is the browser's Back");
  assert.equal(presenter.stepForKey({ key: "ArrowRight", shiftKey: true }), 0, "Shift+Right selects text");
  assert.equal(presenter.stepForKey({ key: "ArrowRight", ctrlKey: true }), 0);
  assert.equal(presenter.stepForKey({ key: "ArrowRight", metaKey: true }), 0);
});

test("F asks for full screen and S for the speaker notes, in either case; with Ctrl, Alt or Meta, nothing", () => {
  assert.equal(presenter.commandForKey({ key: "f" }), "fullscreen");
  assert.equal(presenter.commandForKey({ key: "F", shiftKey: true }), "fullscreen");
  assert.equal(presenter.commandForKey({ key: "s" }), "notes");
  assert.equal(presenter.commandForKey({ key: "f", ctrlKey: true }), null, "Ctrl+F is the browser's find");
  assert.equal(presenter.commandForKey({ key: "s", metaKey: true }), null, "Cmd+S is the browser's save");
  assert.equal(presenter.commandForKey({ key: "f", altKey: true }), null);
  assert.equal(presenter.commandForKey({ key: "Escape" }), null, "Esc is the browser's own, to leave full screen");
  assert.equal(presenter.commandForKey({ key: "x" }), null);
});

// --- The session's versions -----------------------------------------------------------

const deck = {
  default: 90,
  versions: [
    { minutes: 90, slides: ["welcome", "flocking", "close"], timers: { flocking: 8 } },
    { minutes: 60, slides: ["welcome", "close"], timers: {} },
  ],
};

test("the address picks a version by its minutes; any other address gives the default", () => {
  assert.equal(presenter.versionFor(deck, "?minutes=60").minutes, 60);
  assert.equal(presenter.versionFor(deck, "?notes&minutes=60").minutes, 60);
  assert.equal(presenter.versionFor(deck, "").minutes, 90);
  assert.equal(presenter.versionFor(deck, "?minutes=45").minutes, 90, "no 45-minute version");
  assert.equal(presenter.versionFor(deck, "?minutes=sixty").minutes, 90);
  assert.equal(presenter.versionFor(deck, "?nominutes=60").minutes, 90);
});

test("choosing a version puts its minutes in the address and keeps the rest", () => {
  assert.equal(presenter.addressWith("https://example.org/present/", 60), "https://example.org/present/?minutes=60");
  assert.equal(presenter.addressWith("https://example.org/present/?minutes=90#flocking", 60), "https://example.org/present/?minutes=60#flocking");
  assert.equal(presenter.addressWith("file:///c/present.html?notes&minutes=90", 120), "file:///c/present.html?notes&minutes=120");
  assert.equal(presenter.addressWith("file:///c/present.html?minutes=90&notes#close", 60), "file:///c/present.html?notes&minutes=60#close");
});
