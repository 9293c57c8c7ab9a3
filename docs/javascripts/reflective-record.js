/* The reflective record on My workbook (course/render/templates/reflective_record.html):
   the learner's evidence for appraisal and revalidation, made in the browser
   from their answers. It prints (or saves as PDF) from the page's own sheet, and
   downloads as a text file and, on request, a Word document (made by the docx
   library, vendored in vendor/docx.min.js and fetched only when asked for).

   The exports are pure logic, no DOM: tested with node
   (tests/js/reflective-record.test.js); under node this file exports them and
   stops there.

   `data` is the page's data (rendered from data/<unit>/reflective_record.yml):
     { id, labels, title, unit, programme, website, fileName, outcomes: [text],
       account: [{ id, heading, drawsOn: [{ activity, prompt, text }] }],
       accountNote, accountSource, model, touched: [{ name, how }], touchesNote,
       modelSource, activities: [{ id, label, title, prompts: [{ id, text }] }] }
   `answerFor(activityId, promptId)` returns the answer text, or "" for none;
   the record's own words are kept like answers, under the activity id data.id.
   `details` is { date: "YYYY-MM-DD" (or as typed), timeSpent }. */
(function (root) {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  /* As in the workbook's files: no Windows line ends, no trailing space, no blank lines at either end. */
  function tidy(text) {
    return String(text || "").replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
  }

  /* "2026-03-12" as "12 March 2026"; anything else (a browser without a date picker) as typed. */
  function longDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tidy(value));
    var month = match ? Number(match[2]) : 0;
    var day = match ? Number(match[3]) : 0;
    if (month < 1 || month > 12 || day < 1 || day > 31) return tidy(value);
    return day + " " + MONTHS[month - 1] + " " + match[1];
  }

  /* The answers a part of the account draws on, those given, with their prompts. */
  function drawnAnswers(part, answerFor) {
    return part.drawsOn
      .map(function (target) {
        return { prompt: target.text, answer: tidy(answerFor(target.activity, target.prompt)) };
      })
      .filter(function (drawn) {
        return drawn.answer !== "";
      });
  }

  /* The activities with at least one answer, each with its answered prompts only. */
  function answeredActivities(data, answerFor) {
    return data.activities
      .map(function (activity) {
        var prompts = activity.prompts
          .map(function (prompt) {
            return { text: prompt.text, answer: tidy(answerFor(activity.id, prompt.id)) };
          })
          .filter(function (prompt) {
            return prompt.answer !== "";
          });
        return { heading: activity.label + ": " + activity.title, prompts: prompts };
      })
      .filter(function (activity) {
        return activity.prompts.length > 0;
      });
  }

  /* Everything the record says, in its order: the sheet, the text file and the Word document all show this. */
  function recordOf(data, answerFor, details) {
    return {
      labels: data.labels,
      title: data.title,
      unit: data.unit,
      programme: data.programme,
      website: data.website,
      date: longDate(details.date),
      timeSpent: tidy(details.timeSpent).trim(),
      outcomes: data.outcomes.slice(),
      account: data.account.map(function (part) {
        return { id: part.id, heading: part.heading, text: tidy(answerFor(data.id, part.id)), drawn: drawnAnswers(part, answerFor) };
      }),
      accountNote: data.accountNote,
      accountSource: data.accountSource,
      model: data.model,
      touched: data.touched.slice(),
      touchesNote: data.touchesNote,
      modelSource: data.modelSource,
      activities: answeredActivities(data, answerFor),
    };
  }

  /* The record's facts, as label and value, for every format. */
  function factsOf(record) {
    var facts = [
      [record.labels.date, record.date || record.labels.notGiven],
      [record.labels.timeSpent, record.timeSpent || record.labels.notGiven],
    ];
    if (record.website) facts.push([record.labels.website, record.website]);
    return facts;
  }

  /* Each part of the account: the learner's words, then the answers it draws on. */
  function partEmpty(part) {
    return part.text === "" && part.drawn.length === 0;
  }

  function modelHeading(record) {
    return record.model + ": " + record.labels.touched;
  }

  /* --- The text file ------------------------------------------------------------ */

  function underline(text, character) {
    return new Array(text.length + 1).join(character);
  }

  function indent(text, by) {
    return text
      .split("\n")
      .map(function (line) {
        return line ? by + line : "";
      })
      .join("\n");
  }

  function textSection(lines, heading) {
    lines.push("", "", heading.toUpperCase(), underline(heading, "="), "");
  }

  function textAccount(record, lines) {
    textSection(lines, record.labels.account);
    record.account.forEach(function (part) {
      lines.push(part.heading, underline(part.heading, "-"));
      if (part.text) lines.push(indent(part.text, "   "));
      part.drawn.forEach(function (drawn) {
        lines.push("", indent(drawn.prompt, "   "), indent(drawn.answer, "      "));
      });
      if (partEmpty(part)) lines.push("   (" + record.labels.notWritten + ")");
      lines.push("");
    });
    lines.push(record.accountNote);
    if (record.accountSource) lines.push(record.labels.source + ": " + record.accountSource);
  }

  function textRest(record, lines) {
    textSection(lines, modelHeading(record));
    record.touched.forEach(function (touched) {
      lines.push("- " + touched.name + ": " + touched.how);
    });
    lines.push("", record.touchesNote, record.labels.source + ": " + record.modelSource);
    textSection(lines, record.labels.answers);
    if (!record.activities.length) lines.push(record.labels.noAnswers);
    record.activities.forEach(function (activity) {
      lines.push(activity.heading, underline(activity.heading, "-"));
      activity.prompts.forEach(function (prompt) {
        lines.push(indent(prompt.text, "   "), indent(prompt.answer, "      "), "");
      });
    });
  }

  function toPlainText(record) {
    var lines = [record.title.toUpperCase(), record.unit, record.programme, ""];
    factsOf(record).forEach(function (fact) {
      lines.push(fact[0] + ": " + fact[1]);
    });
    if (record.outcomes.length) {
      textSection(lines, record.labels.outcomes);
      lines.push(record.labels.outcomesLead);
      record.outcomes.forEach(function (outcome, index) {
        lines.push(index + 1 + ". " + outcome);
      });
    }
    textAccount(record, lines);
    textRest(record, lines);
    return lines.join("\n").replace(/\n{3,}/g, "\n\n\n").replace(/\s+$/, "") + "\n";
  }

  /* --- The Word document, with the docx library (`docx`, its global) ----------------- */

  /* Paragraphs of text, one per line typed. */
  function wordLines(docx, text, options) {
    return text.split("\n").map(function (line) {
      return new docx.Paragraph(Object.assign({ text: line }, options || {}));
    });
  }

  function wordLabelled(docx, label, value) {
    return new docx.Paragraph({ children: [new docx.TextRun({ text: label + ": ", bold: true }), new docx.TextRun(value)] });
  }

  function wordHeading(docx, text, level) {
    return new docx.Paragraph({ text: text, heading: level });
  }

  function wordAccount(docx, record) {
    var out = [wordHeading(docx, record.labels.account, docx.HeadingLevel.HEADING_2)];
    record.account.forEach(function (part) {
      out.push(wordHeading(docx, part.heading, docx.HeadingLevel.HEADING_3));
      if (part.text) out = out.concat(wordLines(docx, part.text));
      part.drawn.forEach(function (drawn) {
        out.push(new docx.Paragraph({ children: [new docx.TextRun({ text: drawn.prompt, italics: true })] }));
        out = out.concat(wordLines(docx, drawn.answer));
      });
      if (partEmpty(part)) out.push(new docx.Paragraph({ children: [new docx.TextRun({ text: record.labels.notWritten, italics: true })] }));
    });
    out.push(new docx.Paragraph({ text: record.accountNote }));
    if (record.accountSource) out.push(wordLabelled(docx, record.labels.source, record.accountSource));
    return out;
  }

  function wordRest(docx, record) {
    var out = [wordHeading(docx, modelHeading(record), docx.HeadingLevel.HEADING_2)];
    record.touched.forEach(function (touched) {
      out.push(new docx.Paragraph({ bullet: { level: 0 }, children: [new docx.TextRun({ text: touched.name + ": ", bold: true }), new docx.TextRun(touched.how)] }));
    });
    out.push(new docx.Paragraph({ text: record.touchesNote }), wordLabelled(docx, record.labels.source, record.modelSource));
    out.push(wordHeading(docx, record.labels.answers, docx.HeadingLevel.HEADING_2));
    if (!record.activities.length) out.push(new docx.Paragraph({ text: record.labels.noAnswers }));
    record.activities.forEach(function (activity) {
      out.push(wordHeading(docx, activity.heading, docx.HeadingLevel.HEADING_3));
      activity.prompts.forEach(function (prompt) {
        out.push(new docx.Paragraph({ children: [new docx.TextRun({ text: prompt.text, bold: true })] }));
        out = out.concat(wordLines(docx, prompt.answer));
      });
    });
    return out;
  }

  function toWordDocument(record, docx) {
    var out = [wordHeading(docx, record.title, docx.HeadingLevel.TITLE), wordHeading(docx, record.unit, docx.HeadingLevel.HEADING_1)];
    out.push(new docx.Paragraph({ text: record.programme }));
    factsOf(record).forEach(function (fact) {
      out.push(wordLabelled(docx, fact[0], fact[1]));
    });
    if (record.outcomes.length) {
      out.push(wordHeading(docx, record.labels.outcomes, docx.HeadingLevel.HEADING_2), new docx.Paragraph({ text: record.labels.outcomesLead }));
      record.outcomes.forEach(function (outcome, index) {
        out.push(new docx.Paragraph({ text: index + 1 + ". " + outcome }));
      });
    }
    out = out.concat(wordAccount(docx, record), wordRest(docx, record));
    return new docx.Document({ title: record.title + ": " + record.unit, sections: [{ children: out }] });
  }

  var reflectiveRecord = {
    longDate: longDate,
    recordOf: recordOf,
    toPlainText: toPlainText,
    toWordDocument: toWordDocument,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = reflectiveRecord;
    return;
  }

  /* --- The page ------------------------------------------------------------------- */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  // The Word library sits beside this script (vendor/), online and in the offline copy alike.
  var WORD_LIBRARY = document.currentScript ? new URL("vendor/docx.min.js", document.currentScript.src).href : null;
  var PRINTING = "reflective-record"; // <html data-print="..."> while the record prints, for print.css

  function isoDate(day) {
    function two(number) {
      return (number < 10 ? "0" : "") + number;
    }
    return day.getFullYear() + "-" + two(day.getMonth() + 1) + "-" + two(day.getDate());
  }

  /* The record's parts on the page, its data and the answers' store. */
  function createRecord(element, data) {
    var store = course.answerBoxes.store();
    return {
      data: data,
      store: store,
      answerFor: function (activityId, promptId) {
        return store.get(activityId, promptId);
      },
      details: Array.prototype.slice.call(element.querySelectorAll("[data-record-detail]")),
      sheet: element.querySelector(".reflective-record__sheet"),
      status: element.querySelector(".reflective-record__status"),
      word: null, // the docx library, once fetched
    };
  }

  /* A detail's input shows what is kept; an empty date shows today's, in words (a plain text field: a date
     picker's calendar button takes a Tab stop Chromium draws no focus on). */
  function showDetails(state) {
    state.details.forEach(function (input) {
      var kept = state.store.get(state.data.id, input.dataset.recordDetail);
      var shown = kept || (input.dataset.recordDetail === "date" ? longDate(isoDate(new Date())) : "");
      if (input.value !== shown) input.value = shown;
    });
  }

  function detailsOf(state) {
    var values = {};
    state.details.forEach(function (input) {
      values[input.dataset.recordDetail] = input.value;
    });
    return { date: values.date || "", timeSpent: values["time-spent"] || "" };
  }

  function currentRecord(state) {
    return reflectiveRecord.recordOf(state.data, state.answerFor, detailsOf(state));
  }

  function say(state, message) {
    state.status.textContent = message;
  }

  /* --- The sheet: its slots filled with textContent, never parsed as HTML ---------- */

  function make(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function fillPart(slot, part, record) {
    slot.textContent = "";
    if (part.text) slot.append(make("p", "reflective-record__typed", part.text));
    part.drawn.forEach(function (drawn) {
      slot.append(make("p", "reflective-record__drawn-prompt", drawn.prompt), make("p", "reflective-record__typed", drawn.answer));
    });
    if (partEmpty(part)) slot.append(make("p", "reflective-record__empty", record.labels.notWritten));
    slot.closest(".reflective-record__account-part").classList.toggle("reflective-record__account-part--empty", partEmpty(part));
  }

  function fillAnswers(slot, record) {
    slot.textContent = "";
    if (!record.activities.length) slot.append(make("p", "reflective-record__empty", record.labels.noAnswers));
    record.activities.forEach(function (activity) {
      var block = make("div", "reflective-record__activity");
      var list = make("dl");
      block.append(make("h5", null, activity.heading), list);
      activity.prompts.forEach(function (prompt) {
        list.append(make("dt", null, prompt.text), make("dd", "reflective-record__typed", prompt.answer));
      });
      slot.append(block);
    });
  }

  function fillSheet(state) {
    var record = currentRecord(state);
    var slot = function (name) {
      return state.sheet.querySelector('[data-record-slot="' + name + '"]');
    };
    slot("date").textContent = record.date || record.labels.notGiven;
    slot("time-spent").textContent = record.timeSpent || record.labels.notGiven;
    record.account.forEach(function (part) {
      fillPart(slot("account:" + part.id), part, record);
    });
    fillAnswers(slot("answers"), record);
    return record;
  }

  /* --- Print, and the files ---------------------------------------------------------- */

  /* The docx library, fetched the first time a Word document is asked for. */
  function wordLibrary(state) {
    if (state.word) return state.word;
    state.word = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = WORD_LIBRARY;
      script.onload = function () {
        if (root.docx && root.docx.Packer) resolve(root.docx);
        else reject(new Error("the Word library did not start"));
      };
      script.onerror = function () {
        reject(new Error("the Word library could not be loaded"));
      };
      document.head.appendChild(script);
    });
    state.word.catch(function () {
      state.word = null; // a later click tries again
    });
    return state.word;
  }

  function saveWord(state) {
    var fileName = state.data.fileName + ".docx";
    say(state, "Making your Word document…");
    return wordLibrary(state)
      .then(function (docx) {
        return docx.Packer.toBlob(reflectiveRecord.toWordDocument(fillSheet(state), docx));
      })
      .then(function (blob) {
        course.saveFile(blob, fileName);
        say(state, "Your " + state.data.title.toLowerCase() + " was saved as " + fileName + ", in your downloads.");
      })
      .catch(function () {
        say(state, "This browser could not make the Word document. Save your record as a PDF, or download it as text, instead.");
      });
  }

  var ACTIONS = {
    print: function (state) {
      fillSheet(state);
      say(state, "");
      document.documentElement.dataset.print = PRINTING;
      root.print();
    },
    "download-text": function (state) {
      var fileName = state.data.fileName + ".txt";
      course.saveFile(reflectiveRecord.toPlainText(fillSheet(state)), fileName, "text/plain;charset=utf-8");
      say(state, "Your " + state.data.title.toLowerCase() + " was saved as " + fileName + ", in your downloads.");
    },
    "download-word": saveWord,
  };

  function listen(element, state) {
    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-record-action]");
      if (button && ACTIONS[button.dataset.recordAction]) ACTIONS[button.dataset.recordAction](state);
    });
    state.details.forEach(function (input) {
      input.addEventListener("input", function () {
        state.store.set(state.data.id, input.dataset.recordDetail, input.value);
        fillSheet(state);
      });
    });
    document.addEventListener(course.answerBoxes.CHANGED, function () {
      showDetails(state);
      fillSheet(state);
    });
    // The record prints only when asked for; any other print is the workbook's.
    root.addEventListener("afterprint", function () {
      if (document.documentElement.dataset.print === PRINTING) delete document.documentElement.dataset.print;
    });
  }

  function setUp(element) {
    var data = course.readJson(element.id + "-data");
    if (!data) return;
    var state = createRecord(element, data);
    listen(element, state);
    showDetails(state);
    fillSheet(state);
    element.querySelector(".reflective-record__details").hidden = false;
    element.querySelector(".reflective-record__tools").hidden = false;
  }

  course.component(".reflective-record", setUp);
})(typeof self !== "undefined" ? self : this);
