/* Before and after the session (course/render/before_and_after.py), on the pages
   under facilitators/ that show its blocks:

   - the joining note: each "Copy" button copies its plain text, to paste into an e-mail;
   - the evaluation form: a choice for each statement, kept in this browser like every
     answer (course.js's store, under the form's id), restored, shown ticked on paper,
     printed, downloaded as a text file, and cleared; its questions are answer boxes,
     which course.js runs as on every page;
   - the certificate of attendance: its fields fill the sheet's lines, then it prints.
     Nothing typed there is kept.

   Nothing is sent anywhere. The text file is pure logic, tested with node
   (tests/js/before-and-after.test.js): under node this file exports it and stops there. */
(function (root) {
  "use strict";

  /* As in the workbook's files: no Windows line ends, no trailing space, no blank lines at either end. */
  function tidy(text) {
    return String(text || "").replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/^\n+|\s+$/g, "");
  }

  function indent(text) {
    return text
      .split("\n")
      .map(function (line) {
        return line ? "   " + line : "";
      })
      .join("\n");
  }

  /* The evaluation as a text file, in the paper form's order: the form's title, the unit, each
     statement with its answer, each question (numbered, as on paper) with what was written.
     `answerFor(id)` is "" for no answer. */
  function evaluationText(data, answerFor) {
    var noAnswer = "(" + data.messages.noAnswer + ")";
    var lines = [data.title.toUpperCase(), data.unit, data.programme, "", data.messages.statements, ""];
    data.statements.forEach(function (statement) {
      lines.push("- " + statement.text, "   " + (tidy(answerFor(statement.id)) || noAnswer), "");
    });
    data.questions.forEach(function (question, index) {
      lines.push(index + 1 + ". " + question.text, indent(tidy(answerFor(question.id)) || noAnswer), "");
    });
    return tidy(lines.join("\n")) + "\n";
  }

  var beforeAndAfter = { evaluationText: evaluationText, tidy: tidy };

  if (typeof module === "object" && module.exports) {
    module.exports = beforeAndAfter;
    return;
  }

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];

  /* --- The joining note: copy its text ------------------------------------------------- */

  /* Select the element's text, so it can be copied by hand when the browser will not copy it. */
  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = root.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    select(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(element, status) {
    var copied = function () {
      status.textContent = "Copied. Paste it into your e-mail.";
    };
    var byHand = function () {
      status.textContent = copyBySelection(element) ? "Copied. Paste it into your e-mail." : "The text is selected: copy it with Ctrl+C (or Cmd+C on a Mac).";
    };
    if (root.navigator.clipboard && typeof root.navigator.clipboard.writeText === "function") {
      root.navigator.clipboard.writeText(element.textContent).then(copied, byHand);
    } else {
      byHand();
    }
  }

  function setUpJoiningNote(element) {
    var status = element.querySelector(".joining-note__status");
    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-copy]");
      if (!button) return;
      status.textContent = "";
      copy(document.getElementById(button.dataset.copy), status);
    });
    Array.prototype.forEach.call(element.querySelectorAll(".joining-note__tools"), function (tools) {
      tools.hidden = false;
    });
  }

  /* --- The evaluation form ------------------------------------------------------------- */

  function tick(form, statementId, answer) {
    Array.prototype.forEach.call(form.element.querySelectorAll('.evaluation-form__tick[data-statement="' + statementId + '"]'), function (cell) {
      cell.classList.toggle("evaluation-form__tick--ticked", cell.dataset.answer === answer);
    });
  }

  /* Each statement's kept answer back in its choices, and ticked in the table that prints. */
  function restoreChoices(form) {
    form.data.statements.forEach(function (statement) {
      var answer = form.store().get(form.data.id, statement.id);
      Array.prototype.forEach.call(form.element.querySelectorAll('input[data-statement="' + statement.id + '"]'), function (input) {
        input.checked = input.value === answer;
      });
      tick(form, statement.id, answer);
    });
  }

  function answerFor(form) {
    return function (id) {
      return form.store().get(form.data.id, id);
    };
  }

  function clearForm(form) {
    form.data.statements.concat(form.data.questions).forEach(function (entry) {
      form.store().set(form.data.id, entry.id, "");
    });
    course.answerBoxes.refresh();
    restoreChoices(form);
    form.status.textContent = form.data.messages.cleared;
  }

  var EVALUATION_ACTIONS = {
    print: function () {
      root.print();
    },
    download: function (form) {
      var fileName = form.data.fileName + ".txt";
      course.saveFile(evaluationText(form.data, answerFor(form)), fileName, "text/plain;charset=utf-8");
      form.status.textContent = form.data.messages.downloaded.replace("{file}", fileName);
    },
    clear: clearForm,
  };

  function showNote(form) {
    var note = form.element.querySelector(".evaluation-form__note");
    var link = note.querySelector("a");
    note.textContent = form.store().persistent ? form.data.messages.kept : form.data.messages.notKept;
    if (link) note.append(" The ", link, " says what this website keeps.");
  }

  function setUpEvaluation(element) {
    var data = course.readJson(element.id + "-data");
    if (!data) return;
    var form = { element: element, data: data, store: course.answerBoxes.store, status: element.querySelector(".evaluation-form__status") };
    element.addEventListener("change", function (event) {
      var statementId = event.target.dataset.statement;
      if (!statementId || !event.target.checked) return;
      form.store().set(data.id, statementId, event.target.value);
      tick(form, statementId, event.target.value);
    });
    element.addEventListener("click", function (event) {
      var button = event.target.closest("[data-evaluation-action]");
      if (button) EVALUATION_ACTIONS[button.dataset.evaluationAction](form);
    });
    root.addEventListener("storage", function () {
      restoreChoices(form);
    });
    restoreChoices(form);
    showNote(form);
    element.querySelector(".evaluation-form__choices").hidden = false;
    element.querySelector(".evaluation-form__tools").hidden = false;
    element.classList.add("evaluation-form--ready");
  }

  /* --- The certificate: its fields fill its lines ---------------------------------------- */

  function setUpCertificate(element) {
    var form = element.querySelector(".certificate__form");
    form.addEventListener("input", function (event) {
      var field = event.target.dataset.certificateField;
      if (!field) return;
      element.querySelector('[data-certificate-slot="' + field + '"]').textContent = event.target.value.trim();
    });
    form.querySelector('[data-certificate-action="print"]').addEventListener("click", function () {
      root.print();
    });
    form.hidden = false;
  }

  course.component("#joining-note", setUpJoiningNote);
  course.component(".evaluation-form", setUpEvaluation);
  course.component("#certificate", setUpCertificate);
})(typeof self !== "undefined" ? self : this);
