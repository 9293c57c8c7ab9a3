/* The "My workbook" page (course/render/templates/my_workbook.html): how many prompts
   are answered, downloads as Markdown and plain text, print, and deleting
   every answer after a confirmation. The answer boxes themselves are run by
   answer-boxes.js, like on every other page. */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];


  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /* A file made in the browser, saved through the browser's own download:
     works offline and from file://, and sends nothing anywhere. */
  function download(text, fileName, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    root.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
  }

  function setUp(page, data) {
    var store = course.answerBoxes.store();
    var exporter = course.myWorkbookExport;
    var status = page.querySelector(".my-workbook__status");
    var count = page.querySelector(".my-workbook__count");
    var dialog = page.querySelector(".my-workbook__confirm");
    var clearButton = page.querySelector('[data-my-workbook-action="clear"]');
    var FILE_NAME = course.settings.unit.myWorkbookFile; // e.g. unit-3-my-workbook

    function answerFor(activityId, promptId) {
      return store.get(activityId, promptId);
    }

    function say(message) {
      status.textContent = message;
    }

    function showCount() {
      var counted = exporter.countAnswered(data, answerFor);
      count.textContent =
        "You have answered " + counted.answered + " of " + counted.total + " prompts." +
        (store.persistent ? "" : " This browser is not keeping them: download them before you leave.");
    }

    function deleteAll() {
      var removed = store.clear();
      course.answerBoxes.refresh();
      if (dialog.open) dialog.close();
      clearButton.focus();
      say(removed === 1 ? "Deleted 1 answer." : "Deleted " + removed + " answers.");
    }

    var actions = {
      "download-markdown": function () {
        download(exporter.toMarkdown(data, answerFor, today()), FILE_NAME + ".md", "text/markdown;charset=utf-8");
        say("Your answers were saved as " + FILE_NAME + ".md, in your downloads.");
      },
      "download-text": function () {
        download(exporter.toPlainText(data, answerFor, today()), FILE_NAME + ".txt", "text/plain;charset=utf-8");
        say("Your answers were saved as " + FILE_NAME + ".txt, in your downloads.");
      },
      print: function () {
        root.print();
      },
      clear: function () {
        say("");
        if (typeof dialog.showModal === "function") dialog.showModal();
        else if (root.confirm("Delete all your answers? This cannot be undone.")) deleteAll();
      },
      "confirm-clear": deleteAll,
      "cancel-clear": function () {
        dialog.close();
        clearButton.focus();
        say("Nothing was deleted.");
      },
    };

    page.addEventListener("click", function (event) {
      var button = event.target.closest("[data-my-workbook-action]");
      if (button && actions[button.dataset.myWorkbookAction]) actions[button.dataset.myWorkbookAction]();
    });
    document.addEventListener(course.answerBoxes.CHANGED, showCount);
    showCount();
    page.querySelector(".my-workbook__tools").hidden = false;
  }

  course.onReady(function () {
    var page = document.getElementById("my-workbook-answers");
    var data = course.readJson("my-workbook-data");
    if (!page || !data || page.dataset.myWorkbookReady) return;
    page.dataset.myWorkbookReady = "true";
    setUp(page, data);
  });
})(self);
