/* The "My workbook" page (course/render/templates/my_workbook.html): the
   learner's answers as a Markdown file and as a plain-text file, then the
   page's component. The exports are pure logic, no DOM: tested with node
   (tests/js/my-workbook.test.js); under node this file exports them and stops there.

   `workbook` is the page's data (rendered from data/activities.yml):
     { unit, programme, activities: [{ id, label, title, prompts: [{ id, text }] }] }
   `answerFor(activityId, promptId)` returns the answer text, or "" for none.
   Answers go into the files exactly as typed. */
(function (root) {
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

  var myWorkbook = {
    NO_ANSWER: NO_ANSWER,
    tidy: tidy,
    countAnswered: countAnswered,
    toMarkdown: toMarkdown,
    toPlainText: toPlainText,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = myWorkbook;
    return;
  }

  /* --- The page: how many prompts are answered, downloads as Markdown and plain
     text, print, and deleting every answer after a confirmation (from the
     buttons at the top, or the one at the end: "Finished?"). The answer boxes
     themselves are run by course.js, like on every other page. ---------------- */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];

  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /* The page's parts, its data and the answers' store. */
  function createWorkbook(element, data) {
    var store = course.answerBoxes.store();
    return {
      data: data,
      store: store,
      answerFor: function (activityId, promptId) {
        return store.get(activityId, promptId);
      },
      status: element.querySelector(".my-workbook__status"),
      count: element.querySelector(".my-workbook__count"),
      dialog: element.querySelector(".my-workbook__confirm"),
      opener: null, // the delete button that opened the dialog: the focus goes back to it
      clearButton: element.querySelector('[data-my-workbook-action="clear"]'),
      fileName: course.settings.unit.myWorkbookFile, // e.g. unit-3-my-workbook
    };
  }

  function say(workbook, message) {
    workbook.status.textContent = message;
  }

  function showCount(workbook) {
    var counted = myWorkbook.countAnswered(workbook.data, workbook.answerFor);
    workbook.count.textContent =
      "You have answered " + counted.answered + " of " + counted.total + " prompts." +
      (workbook.store.persistent ? "" : " This browser is not keeping them: download them before you leave.");
  }

  function backToOpener(workbook) {
    (workbook.opener || workbook.clearButton).focus();
    workbook.opener = null;
  }

  function deleteAll(workbook) {
    var removed = workbook.store.clear();
    course.answerBoxes.refresh();
    if (workbook.dialog.open) workbook.dialog.close();
    backToOpener(workbook);
    say(workbook, removed === 1 ? "Deleted 1 answer." : "Deleted " + removed + " answers.");
  }

  function save(workbook, extension, text, type) {
    var fileName = workbook.fileName + extension;
    course.saveFile(text, fileName, type);
    say(workbook, "Your answers were saved as " + fileName + ", in your downloads.");
  }

  var ACTIONS = {
    "download-markdown": function (workbook) {
      save(workbook, ".md", myWorkbook.toMarkdown(workbook.data, workbook.answerFor, today()), "text/markdown;charset=utf-8");
    },
    "download-text": function (workbook) {
      save(workbook, ".txt", myWorkbook.toPlainText(workbook.data, workbook.answerFor, today()), "text/plain;charset=utf-8");
    },
    print: function () {
      root.print();
    },
    clear: function (workbook, button) {
      say(workbook, "");
      workbook.opener = button;
      if (typeof workbook.dialog.showModal === "function") workbook.dialog.showModal();
      else if (root.confirm("Delete all your answers? This cannot be undone.")) deleteAll(workbook);
    },
    "confirm-clear": deleteAll,
    "cancel-clear": function (workbook) {
      workbook.dialog.close();
      backToOpener(workbook);
      say(workbook, "Nothing was deleted.");
    },
  };

  function listen(element, workbook) {
    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-my-workbook-action]");
      if (button && ACTIONS[button.dataset.myWorkbookAction]) ACTIONS[button.dataset.myWorkbookAction](workbook, button);
    });
  }

  function setUp(element) {
    var data = course.readJson("my-workbook-data");
    if (!data) return;
    var workbook = createWorkbook(element, data);
    listen(element, workbook);
    // The end of the page (my_workbook_finish.html): the same delete, after the same confirmation.
    var finish = document.getElementById("my-workbook-finish");
    if (finish) {
      listen(finish, workbook);
      finish.querySelector(".my-workbook__finish-button").hidden = false;
    }
    // Escape closes the dialog without a click: the focus still goes back to the button that opened it.
    workbook.dialog.addEventListener("close", function () {
      if (!workbook.opener) return;
      backToOpener(workbook);
      say(workbook, "Nothing was deleted.");
    });
    document.addEventListener(course.answerBoxes.CHANGED, function () {
      showCount(workbook);
    });
    showCount(workbook);
    element.querySelector(".my-workbook__tools").hidden = false;
  }

  course.component("#my-workbook-answers", setUp);
})(typeof self !== "undefined" ? self : this);
