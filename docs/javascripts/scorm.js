/* The SCORM 1.2 package's one script: on its launch page only (course/scorm/package.py,
   course/render/templates/scorm_launch.html), never on the site's pages.

   The launch page is the package's one SCO. It shows the unit's pages in a frame, so the
   platform's session lasts while the learner moves between them, and this script talks
   to the platform for them:

   - finds the platform's API the standard way: up the parent frames, then the opener's;
     with none (the files opened on their own), it hands over to the unit's first page,
     and the package works as the offline copy does;
   - LMSInitialize once; puts back the answers the platform kept (cmi.suspend_data) and
     opens the page the learner was on (cmi.core.lesson_location); "incomplete" on the
     first launch;
   - keeps the unit's answers (course.js's answers store, the one every page uses) in
     cmi.suspend_data, compressed with DEFLATE (fflate, vendored: scripts/vendor-fflate,
     which says why) and written in base64, within the 4,096 characters SCORM 1.2
     allows; past them it says so and sends nothing cut: the platform keeps what it had,
     the browser everything;
   - commits when the page changes, after the answers change (once typing pauses), when
     the learner finishes, and on leaving; never on each keystroke;
   - "completed" only when the learner says they have finished, with the button it adds
     to the unit's closing activity;
   - on leaving: the session's time (HHHH:MM:SS.SS), exit "suspend", LMSCommit, LMSFinish;
   - reads LMSGetLastError after every call, and says in words what failed.

   The pure logic is tested with node (tests/js/scorm.test.js): under node this file
   exports it and stops there. The session is tested against a SCORM 1.2 runtime,
   scorm-again, in Chromium (tests/site/test_scorm_browser.py). */
(function (root) {
  "use strict";

  /* --- Pure logic ------------------------------------------------------------------ */

  // What cmi.suspend_data starts with: the format's name and version (course/scorm/budget.py: FORMAT_PREFIX).
  // After it: the answers' JSON, in UTF-8, compressed with raw DEFLATE, in base64.
  var FORMAT = "u1:";
  // Bytes turned into characters at a time (String.fromCharCode takes them as arguments).
  var CHUNK = 8192;
  // How many parent frames to look through for the API: as ADL's API discovery for SCORM 2004 does.
  var MAX_PARENTS = 500;

  function padded(number, width) {
    return String(number).padStart(width, "0");
  }

  /* A duration as SCORM 1.2's CMITimespan: HHHH:MM:SS.SS (at most 9999 hours). */
  function sessionTime(milliseconds) {
    var hundredths = Math.min(Math.max(0, Math.floor(milliseconds / 10)), 9999 * 360000 + 359999);
    var hours = Math.floor(hundredths / 360000);
    var minutes = Math.floor(hundredths / 6000) % 60;
    var seconds = Math.floor(hundredths / 100) % 60;
    return padded(hours, 4) + ":" + padded(minutes, 2) + ":" + padded(seconds, 2) + "." + padded(hundredths % 100, 2);
  }

  /* Text, compressed (`fflate`, the vendored library): raw DEFLATE of its UTF-8, in base64. */
  function compressor(fflate) {
    return function (text) {
      var bytes = fflate.deflateSync(fflate.strToU8(text), { level: 9 });
      var binary = "";
      for (var start = 0; start < bytes.length; start += CHUNK) {
        binary += String.fromCharCode.apply(null, bytes.subarray(start, start + CHUNK));
      }
      return btoa(binary);
    };
  }

  /* The text back from what compressor(fflate) made; throws when it is not that. */
  function decompressor(fflate) {
    return function (base64) {
      var binary = atob(base64);
      var bytes = new Uint8Array(binary.length);
      for (var index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
      return fflate.strFromU8(fflate.inflateSync(bytes));
    };
  }

  /* The answers ({ activity: { prompt: text } }) as cmi.suspend_data, stamped with when they were saved. */
  function encodeAnswers(answers, stamp, compress) {
    return FORMAT + compress(JSON.stringify({ t: stamp, a: answers }));
  }

  function isAnswers(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).every(function (activity) {
      var prompts = value[activity];
      if (!prompts || typeof prompts !== "object" || Array.isArray(prompts)) return false;
      return Object.keys(prompts).every(function (prompt) {
        return typeof prompts[prompt] === "string";
      });
    });
  }

  /* { stamp, answers } from cmi.suspend_data; null when it is empty. Throws, saying why in
     words, when it cannot be read (another package's data, or damaged on the way). */
  function decodeAnswers(text, decompress) {
    if (!text) return null;
    if (text.indexOf(FORMAT) !== 0) throw new Error("it is not in this unit's format");
    var json = null;
    try {
      json = decompress(text.slice(FORMAT.length));
    } catch (error) {
      json = null;
    }
    if (!json) throw new Error("it could not be decompressed");
    var data = null;
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new Error("it is damaged");
    }
    if (!data || typeof data.t !== "number" || !isAnswers(data.a)) throw new Error("it does not hold answers");
    return { stamp: data.t, answers: data.a };
  }

  /* The answers to write into the browser from what the platform kept (`saved`): the most
     recent save wins. When this browser saved last (`browserStamp`, the stamp of the
     last save it sent, is as recent), it keeps what it has; otherwise each answer the
     platform has replaces this browser's. An answer only this browser has is never removed. */
  function answersToRestore(saved, browserStamp, current) {
    if (!saved || (browserStamp !== null && browserStamp >= saved.stamp)) return [];
    var writes = [];
    Object.keys(saved.answers).forEach(function (activity) {
      Object.keys(saved.answers[activity]).forEach(function (prompt) {
        var text = saved.answers[activity][prompt];
        var here = (current[activity] || {})[prompt] || "";
        if (text.trim() !== "" && text !== here) writes.push({ activity: activity, prompt: prompt, text: text });
      });
    });
    return writes;
  }

  /* window.API of `win`, or null; reading another site's window throws. */
  function apiIn(win) {
    try {
      return win.API || null;
    } catch (error) {
      return null;
    }
  }

  function apiAbove(win) {
    for (var depth = 0; win && depth <= MAX_PARENTS; depth += 1) {
      var api = apiIn(win);
      if (api) return api;
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  /* The platform's SCORM 1.2 API: in this window or a parent, else in the opener's or a parent of it. */
  function findApi(win) {
    var api = apiAbove(win);
    if (api) return api;
    var opener = null;
    try {
      opener = win.opener;
    } catch (error) {
      opener = null;
    }
    return opener ? apiAbove(opener) : null;
  }

  /* The package's page (one of `pages`, "pcn-ethos.html") at `href`, or null for anything else. */
  function pageOf(pages, base, href) {
    if (typeof href !== "string" || href.indexOf(base) !== 0) return null;
    var path = href.slice(base.length).split("#")[0].split("?")[0];
    try {
      path = decodeURI(path);
    } catch (error) {
      return null;
    }
    return pages.indexOf(path) >= 0 ? path : null;
  }

  /* Calls to the API, each followed by LMSGetLastError; `report` hears of every failure. A call
     returns what the API answered, or null when it failed. */
  function createSession(api, report) {
    function lastError() {
      try {
        return String(api.LMSGetLastError());
      } catch (error) {
        return "101";
      }
    }
    function errorText(code) {
      try {
        return String(api.LMSGetErrorString(code) || "");
      } catch (error) {
        return "";
      }
    }
    return {
      call: function (name, args) {
        var result = null;
        try {
          result = String(api[name].apply(api, args));
        } catch (error) {
          report({ call: name, element: args[0], code: "", text: String((error && error.message) || error) });
          return null;
        }
        var code = lastError();
        var refused = name !== "LMSGetValue" && result !== "true";
        if ((code === "0" || code === "") && !refused) return result;
        report({ call: name, element: args[0], code: code, text: errorText(code) });
        return null;
      },
    };
  }

  var scorm = {
    FORMAT: FORMAT,
    MAX_PARENTS: MAX_PARENTS,
    sessionTime: sessionTime,
    compressor: compressor,
    decompressor: decompressor,
    encodeAnswers: encodeAnswers,
    decodeAnswers: decodeAnswers,
    answersToRestore: answersToRestore,
    findApi: findApi,
    pageOf: pageOf,
    createSession: createSession,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = { scorm: scorm };
    return;
  }

  /* --- The launch page ------------------------------------------------------------------ */

  // How long typing must pause before the answers are saved to the platform.
  var PAUSE = 3000;
  // Past this share of the limit, the learner is told how much room is left.
  var NEAR = 0.9;

  var WORDS = {
    saved: "Saved on your learning platform, and in this browser.",
    near:
      "Your answers are close to what your learning platform can keep: {used} of {limit} characters, once " +
      "compressed. Past that, every answer stays in this browser, but the platform keeps only what it had.",
    over:
      "Your answers are now too long for your learning platform to keep ({used} of {limit} characters, once " +
      "compressed). Nothing is cut: every answer stays in this browser, and the platform keeps what it saved " +
      "before. Shorten some answers to keep them all on the platform, or download a copy from My workbook.",
    progressSaved: "Your progress is saved on your learning platform.",
    failed:
      "Your learning platform did not {what} (it says: \u201c{text}\u201d, error {code}). Your answers are still " +
      "kept in this browser. If this happens again, download your answers from My workbook to keep a copy, and " +
      "tell whoever runs your learning platform.",
    unreadable:
      "Your learning platform sent back saved answers this unit cannot read ({reason}), so they were not used. " +
      "The answers kept in this browser are as they were.",
    ended: "This visit to the unit has ended. To carry on, open the unit again from your learning platform.",
    note:
      "Your answers are kept in this browser, on this device, as you type, and saved on your learning platform " +
      "with your progress. My workbook gathers them all. The ",
    finishTitle: "Finished the unit?",
    finishText:
      "When you have done what you want to in this unit, tell your learning platform: it records the unit as completed.",
    keepCopy:
      "Some learning platforms, NHS Learning Hub among them, start a finished unit afresh when it is opened again, " +
      "without the answers they kept. Your answers stay in this browser; to keep a copy, download them from ",
    keepCopyEnd: " before you finish.",
    myWorkbook: "My workbook",
    finishButton: "I have finished this unit",
    finished: "Done: your learning platform has recorded this unit as completed.",
    alreadyFinished: "Your learning platform already has this unit as completed.",
    notFinished: "Your learning platform did not record the unit as completed: the message at the top of the page says why.",
  };

  var FAILED_TO = {
    LMSInitialize: "start recording this visit",
    LMSGetValue: "send back what it had saved",
    LMSCommit: "save your progress",
    LMSFinish: "close this visit",
    "cmi.suspend_data": "save your answers",
    "cmi.core.lesson_location": "save the page you are on",
    "cmi.core.lesson_status": "record your progress",
    "cmi.core.session_time": "record the time you spent",
    "cmi.core.exit": "record that you are leaving",
  };

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values[name];
    });
  }

  function number(value) {
    return Number(value).toLocaleString("en-GB");
  }

  function make(doc, tag, className, text) {
    var element = doc.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  /* A message of one kind (`key`) in the alert at the top: added, changed, or taken away when `text` is empty. */
  function alertLine(state, key, text) {
    var line = state.alert.querySelector("[data-message='" + key + "']");
    if (!text) {
      if (line) line.remove();
      return;
    }
    if (!line) {
      line = make(document, "p");
      line.dataset.message = key;
      state.alert.appendChild(line);
    }
    if (line.textContent !== text) line.textContent = text;
  }

  function say(state, text) {
    if (state.status.textContent !== text) state.status.textContent = text;
  }

  function showProblem(state, problem) {
    var what = FAILED_TO[problem.element] || FAILED_TO[problem.call] || "save your progress";
    var text = fill(WORDS.failed, { what: what, text: problem.text || "no reason given", code: problem.code || "none" });
    alertLine(state, "failed-" + (problem.element || problem.call), text);
  }

  function createState(course, settings, api) {
    var storageKey = course.settings.unit.storageKey;
    var storage = course.answersStore.openStorage(function () {
      return root.localStorage;
    }, course.answersStore.keysFor(storageKey).probe);
    var state = {
      course: course,
      settings: settings,
      storage: storage,
      store: course.answersStore.createStore(storage, storageKey),
      marker: storageKey + ":scorm-saved",
      frame: document.getElementById("scorm-frame"),
      status: document.getElementById("scorm-status"),
      alert: document.getElementById("scorm-alert"),
      base: new URL(".", document.baseURI).href,
      started: Date.now(),
      location: "",
      lessonStatus: "",
      sentJson: null,
      pendingStamp: null,
      used: 0,
      timer: null,
      broken: false,
      finished: false,
    };
    state.session = createSession(api, function (problem) {
      showProblem(state, problem);
    });
    return state;
  }

  /* The stamp of the last save this browser sent to the platform, or null. */
  function readMarker(state) {
    try {
      var stamp = state.storage ? Number(state.storage.getItem(state.marker)) : NaN;
      return stamp > 0 ? stamp : null;
    } catch (error) {
      return null;
    }
  }

  function writeMarker(state, stamp) {
    try {
      if (state.storage) state.storage.setItem(state.marker, String(stamp));
    } catch (error) {
      /* the browser stopped keeping anything: the platform still has the answers */
    }
  }

  function readSaved(state, text) {
    try {
      return decodeAnswers(text, decompressor(root.fflate));
    } catch (error) {
      alertLine(state, "unreadable", fill(WORDS.unreadable, { reason: error.message }));
      return null;
    }
  }

  /* What the platform kept: the answers put back into this browser, and the page to open. */
  function resume(state) {
    function get(element) {
      var value = state.session.call("LMSGetValue", [element]);
      return value === null ? "" : value;
    }
    get("cmi.core.entry");
    state.lessonStatus = get("cmi.core.lesson_status");
    var location = get("cmi.core.lesson_location");
    var saved = readSaved(state, get("cmi.suspend_data"));
    if (saved) {
      var writes = answersToRestore(saved, readMarker(state), state.store.all());
      writes.forEach(function (write) {
        state.store.set(write.activity, write.prompt, write.text);
      });
      writeMarker(state, Math.max(saved.stamp, readMarker(state) || 0));
      state.sentJson = JSON.stringify(saved.answers);
    }
    state.location = state.settings.pages.indexOf(location) >= 0 ? location : "";
    return state.location || state.settings.firstPage;
  }

  /* On the first launch the platform has "not attempted": the unit is now under way. */
  function beginAttempt(state) {
    if (state.lessonStatus !== "not attempted" && state.lessonStatus !== "") return;
    if (state.session.call("LMSSetValue", ["cmi.core.lesson_status", "incomplete"]) === null) return;
    state.lessonStatus = "incomplete";
    commit(state);
  }

  function showRoom(state, used) {
    var limit = state.settings.limit;
    state.used = used;
    alertLine(state, "over", used > limit ? fill(WORDS.over, { used: number(used), limit: number(limit) }) : "");
  }

  /* The answers to cmi.suspend_data, if they changed and fit: "sent", "same", "over" or "failed". */
  function saveAnswers(state) {
    var answers = state.store.all();
    var json = JSON.stringify(answers);
    if (json === state.sentJson) return "same";
    var stamp = Date.now();
    var data = encodeAnswers(answers, stamp, compressor(root.fflate));
    showRoom(state, data.length);
    if (data.length > state.settings.limit) return "over";
    if (state.session.call("LMSSetValue", ["cmi.suspend_data", data]) === null) return "failed";
    state.sentJson = json;
    state.pendingStamp = stamp;
    return "sent";
  }

  function commit(state) {
    if (state.session.call("LMSCommit", [""]) === null) return false;
    if (state.pendingStamp !== null) {
      writeMarker(state, state.pendingStamp);
      state.pendingStamp = null;
    }
    var limit = state.settings.limit;
    var near = state.used > NEAR * limit && state.used <= limit;
    if (state.used > limit) say(state, WORDS.progressSaved); // the alert says what is not
    else say(state, near ? fill(WORDS.near, { used: number(state.used), limit: number(limit) }) : WORDS.saved);
    return true;
  }

  /* Typing has paused: save the answers, once. */
  function schedule(state) {
    if (state.finished || state.broken) return;
    root.clearTimeout(state.timer);
    state.timer = root.setTimeout(function () {
      state.timer = null;
      if (saveAnswers(state) === "sent") commit(state);
    }, PAUSE);
  }

  /* The learner leaves the unit (closes it, or the platform takes it away): the last save, and the end. */
  function leave(state) {
    if (state.finished || state.broken) return;
    state.finished = true;
    root.clearTimeout(state.timer);
    saveAnswers(state);
    state.session.call("LMSSetValue", ["cmi.core.session_time", sessionTime(Date.now() - state.started)]);
    state.session.call("LMSSetValue", ["cmi.core.exit", "suspend"]);
    commit(state);
    state.session.call("LMSFinish", [""]);
  }

  /* The frame's window and document, or null when it shows nothing yet or another site. */
  function frameView(state) {
    try {
      var win = state.frame.contentWindow;
      if (!win || win.location.href === "about:blank") return null;
      return { window: win, document: win.document };
    } catch (error) {
      return null;
    }
  }

  /* The notes under the answer boxes say where answers go: in a platform, to the platform too. */
  function rewordNotes(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll(".activity__answers-note--kept"), function (note) {
      var first = note.firstChild;
      if (!first || first.nodeType !== 3) return;
      first.data = note.querySelector("a") ? WORDS.note : WORDS.note.replace(/ The $/, "");
    });
  }

  /* A link to another site opens in a tab of its own: many sites refuse to be shown in a frame,
     and the platform's frame stays on the unit. */
  function openOtherSitesApart(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll("a[href]"), function (link) {
      if (!/^https?:$/.test(link.protocol) || link.origin === root.location.origin) return;
      link.target = "_blank";
      link.rel = "noopener";
    });
  }

  function finishUnit(state, status) {
    if (state.broken || state.finished) return;
    root.clearTimeout(state.timer);
    saveAnswers(state);
    var recorded = state.session.call("LMSSetValue", ["cmi.core.lesson_status", "completed"]) !== null && commit(state);
    if (recorded) state.lessonStatus = "completed";
    status.textContent = recorded ? WORDS.finished : WORDS.notFinished;
  }

  /* "Finished the unit?", after the unit's closing activity: the one way to "completed". */
  function addFinish(state, doc) {
    var closing = state.settings.closingActivity && doc.getElementById(state.settings.closingActivity);
    if (!closing || !closing.classList.contains("activity--closing") || doc.querySelector(".scorm-finish")) return;
    var box = make(doc, "div", "admonition note scorm-finish");
    var keep = make(doc, "p", null, WORDS.keepCopy);
    if (state.settings.myWorkbook) {
      var link = make(doc, "a", null, WORDS.myWorkbook);
      link.href = new URL(state.settings.myWorkbook, state.base).href;
      keep.append(link, WORDS.keepCopyEnd);
    }
    var button = make(doc, "button", "unit-button unit-button--primary", WORDS.finishButton); // the site's own button
    button.type = "button";
    var status = make(doc, "p", "scorm-finish__status", state.lessonStatus === "completed" ? WORDS.alreadyFinished : "");
    status.setAttribute("role", "status");
    var actions = make(doc, "p");
    actions.append(button);
    box.append(make(doc, "p", "admonition-title", WORDS.finishTitle), make(doc, "p", null, WORDS.finishText), keep, actions, status);
    closing.after(box);
    button.addEventListener("click", function () {
      finishUnit(state, status);
    });
  }

  /* A page of the unit is shown in the frame: where the learner is, and what they have written. */
  function pageShown(state) {
    var view = frameView(state);
    if (!view) return;
    var page = pageOf(state.settings.pages, state.base, view.window.location.href);
    var changed = false;
    if (page && page !== state.location && !state.broken && !state.finished) {
      changed = state.session.call("LMSSetValue", ["cmi.core.lesson_location", page]) !== null;
      if (changed) state.location = page;
    }
    if (!state.broken && !state.finished && saveAnswers(state) === "sent") changed = true;
    if (changed) commit(state);
    view.document.addEventListener(state.course.answerBoxes.CHANGED, function () {
      schedule(state);
    });
    openOtherSitesApart(view.document);
    if (state.broken) return;
    rewordNotes(view.document);
    addFinish(state, view.document);
  }

  function start() {
    var namespace = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    var course = root[namespace];
    var settings = course.readJson("scorm-settings");
    var api = findApi(root);
    if (!api) {
      root.location.replace(settings.firstPage); // no platform: the files are the offline copy
      return;
    }
    var state = createState(course, settings, api);
    var page = settings.firstPage;
    if (state.session.call("LMSInitialize", [""]) === null) {
      state.broken = true; // the pages still show; nothing is recorded, and the alert says so
    } else {
      page = resume(state);
      beginAttempt(state);
    }
    state.frame.addEventListener("load", function () {
      pageShown(state);
    });
    root.addEventListener("pagehide", function () {
      leave(state);
    });
    root.addEventListener("pageshow", function (event) {
      if (event.persisted && state.finished) say(state, WORDS.ended);
    });
    state.frame.src = page;
  }

  start();
})(typeof self !== "undefined" ? self : this);
