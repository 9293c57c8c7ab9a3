/* "Which kind of problem is it?" (course/render/templates/problem_check.html):
   reads the learner's answers, shows the suggestion from problem-check.js in a
   live region, and copies it into the answer box the data names (check_copy_to)
   on request. */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];

  function answersOf(form, types) {
    var answers = {};
    types.forEach(function (type) {
      var chosen = form.querySelector('input[name="problem-check-' + type.id + '"]:checked');
      if (chosen) answers[type.id] = chosen.value;
    });
    return answers;
  }

  function paragraph(className, text) {
    var element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function setUp(check, data) {
    var logic = course.problemCheck;
    var form = check.querySelector(".problem-check__form");
    var problemField = form.querySelector('input[name="problem"]');
    var result = check.querySelector(".problem-check__result");
    var copyArea = check.querySelector(".problem-check__copy"); // none when the data names no box to copy to
    var copyButton = copyArea && copyArea.querySelector("button");
    var copyStatus = copyArea && copyArea.querySelector(".problem-check__copy-status");
    var lastSummary = "";

    function showResult(words) {
      var list = document.createElement("ul");
      words.details.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      result.replaceChildren(paragraph("problem-check__headline", words.headline), list);
      result.classList.add("problem-check__result--shown");
    }

    function showCopy(shown) {
      if (!copyArea) return;
      copyArea.hidden = !shown;
      copyStatus.textContent = "";
    }

    function clearResult() {
      result.replaceChildren();
      result.classList.remove("problem-check__result--shown");
      showCopy(false);
      lastSummary = "";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var problem = problemField.value.trim();
      var outcome = logic.classify(data.types, answersOf(form, data.types));
      showResult(logic.describe(outcome, data.types, problem));
      if (outcome.status === "incomplete") {
        showCopy(false);
        var first = document.getElementById("problem-check-" + outcome.missing[0].id);
        if (first) first.querySelector("input").focus();
        return;
      }
      lastSummary = logic.summary(outcome, data.types, problem);
      showCopy(true);
    });

    /* A changed answer makes the shown suggestion stale. */
    form.addEventListener("change", function () {
      if (lastSummary || result.childNodes.length) clearResult();
    });
    problemField.addEventListener("input", function () {
      if (lastSummary) clearResult();
    });

    if (copyButton) copyButton.addEventListener("click", function () {
      if (!lastSummary) return;
      var kept = course.answerBoxes.append(data.copyTo.activity, data.copyTo.prompt, lastSummary);
      copyStatus.textContent =
        "Copied into " + data.copyTo.label + ", question " + data.copyTo.number + "." +
        (kept ? "" : " It is not kept: this browser is not storing answers.");
    });

    check.querySelector(".problem-check__no-js").hidden = true;
    form.hidden = false;
  }

  course.onReady(function () {
    var check = document.getElementById("problem-check");
    var data = course.readJson("problem-check-data");
    if (!check || !data || check.dataset.checkReady) return;
    check.dataset.checkReady = "true";
    setUp(check, data);
  });
})(self);
