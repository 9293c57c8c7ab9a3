/* The learner's answers as a Markdown file and as a plain-text file.
   Pure logic, no DOM: tested with node (tests/js/my-workbook-export.test.js).

   `workbook` is the page's data (rendered from data/activities.yml):
     { unit, programme, activities: [{ id, label, title, prompts: [{ id, text }] }] }
   `answerFor(activityId, promptId)` returns the answer text, or "" for none.
   Answers go into the files exactly as typed. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    var name = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    (root[name] = root[name] || {}).myWorkbookExport = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var NO_ANSWER = "No answer yet.";

  /* Windows line ends and stray trailing space would make the files differ
     from what was typed only in ways nobody can see; drop them. */
  function tidy(text) {
    return String(text).replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
  }

  function activityHeading(activity) {
    return activity.label + ": " + activity.title;
  }

  function countAnswered(workbook, answerFor) {
    var answered = 0;
    var total = 0;
    workbook.activities.forEach(function (activity) {
      activity.prompts.forEach(function (prompt) {
        total += 1;
        if (tidy(answerFor(activity.id, prompt.id) || "") !== "") answered += 1;
      });
    });
    return { answered: answered, total: total };
  }

  function toMarkdown(workbook, answerFor, savedOn) {
    var lines = ["# My workbook", "", workbook.unit + (workbook.programme ? " – " + workbook.programme : "")];
    if (savedOn) lines.push("", "Saved on " + savedOn + ".");
    workbook.activities.forEach(function (activity) {
      lines.push("", "## " + activityHeading(activity));
      activity.prompts.forEach(function (prompt, index) {
        var answer = tidy(answerFor(activity.id, prompt.id) || "");
        lines.push("", "### " + (index + 1) + ". " + prompt.text, "", answer || "*" + NO_ANSWER + "*");
      });
    });
    return lines.join("\n") + "\n";
  }

  function underline(text, character) {
    return new Array(text.length + 1).join(character);
  }

  function indent(text) {
    return text
      .split("\n")
      .map(function (line) {
        return line ? "   " + line : "";
      })
      .join("\n");
  }

  function toPlainText(workbook, answerFor, savedOn) {
    var lines = ["MY WORKBOOK", workbook.unit];
    if (workbook.programme) lines.push(workbook.programme);
    if (savedOn) lines.push("Saved on " + savedOn + ".");
    workbook.activities.forEach(function (activity) {
      var heading = activityHeading(activity);
      lines.push("", "", heading, underline(heading, "="));
      activity.prompts.forEach(function (prompt, index) {
        var answer = tidy(answerFor(activity.id, prompt.id) || "");
        lines.push("", index + 1 + ". " + prompt.text, "", indent(answer || "(" + NO_ANSWER + ")"));
      });
    });
    return lines.join("\n") + "\n";
  }

  return {
    NO_ANSWER: NO_ANSWER,
    tidy: tidy,
    countAnswered: countAnswered,
    toMarkdown: toMarkdown,
    toPlainText: toPlainText,
  };
});
