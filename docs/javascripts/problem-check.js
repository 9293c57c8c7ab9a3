/* "Which kind of problem is it?": the self-check on Grint's typology
   (course/render/templates/problem_check.html). Its logic, then the page's
   component. The logic is pure, no DOM: tested with node
   (tests/js/problem-check.test.js); under node this file exports it and stops there.

   `types` is the page's data, rendered from data/problem_types.yml:
     [{ id, name, description, response, approach, question }]
   `answers` maps a type's id to "yes", "no" or "unsure" (or nothing yet).
   Every type whose question is answered "yes" is suggested: the check never
   picks one for the learner when the answers fit several. */
(function (root) {
  "use strict";

  var CHOICES = ["yes", "no", "unsure"];

  /* { status: "incomplete", missing: [types] }
     { status: "none" }                      no question answered yes
     { status: "match", matches: [types] }   one or more types fit */
  function classify(types, answers) {
    var missing = types.filter(function (type) {
      return CHOICES.indexOf(answers[type.id]) === -1;
    });
    if (missing.length) return { status: "incomplete", missing: missing };
    var matches = types.filter(function (type) {
      return answers[type.id] === "yes";
    });
    return matches.length ? { status: "match", matches: matches } : { status: "none" };
  }

  function lower(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  function withoutFullStop(text) {
    return text.replace(/[.\s]+$/, "");
  }

  function listOf(words) {
    if (words.length < 2) return words.join("");
    return words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
  }

  /* "critical problem" / "critical or wicked problem" */
  function typeNames(matches) {
    return matches.map(function (type) {
      return lower(type.name);
    });
  }

  /* The result in words: a headline and, for each type that fits, its
     description, response and the question answered yes (three lines).
     `problem` is what the learner called the problem ("" when they did not). */
  function describe(result, types, problem) {
    var subject = problem ? "“" + problem + "”" : "Your problem";
    if (result.status === "incomplete") {
      var numbers = result.missing.map(function (type) {
        return String(types.indexOf(type) + 1);
      });
      return {
        headline: "Answer every question first.",
        details: [
          numbers.length === 1
            ? "Question " + numbers[0] + " still needs an answer."
            : "Questions " + listOf(numbers) + " still need an answer.",
        ],
      };
    }
    if (result.status === "none") {
      return {
        headline: subject + " does not clearly fit any of the three types.",
        details: ["You did not answer yes to any question. Look again at the table above: which description comes closest?"],
      };
    }
    var matches = result.matches;
    var details = matches.map(function (type) {
      return [
        type.name + " problem: " + lower(type.description),
        "Leadership response: " + lower(type.response) + " (" + lower(withoutFullStop(type.approach)) + ").",
        "You answered yes to “" + type.question + "”",
      ].join("\n");
    });
    if (matches.length === 1) {
      return { headline: subject + " looks like a " + typeNames(matches)[0] + " problem.", details: details };
    }
    details.push("Look again at the table above: which description fits it best?");
    return { headline: subject + " fits more than one type: " + listOf(typeNames(matches)) + ".", details: details };
  }

  /* One short paragraph to copy into an answer box. */
  function summary(result, types, problem) {
    var description = describe(result, types, problem);
    var text = "Self-check on Grint's typology: " + description.headline;
    if (result.status === "match") {
      text +=
        " " +
        result.matches
          .map(function (type) {
            return type.name + ": " + lower(type.response) + " (" + lower(withoutFullStop(type.approach)) + ").";
          })
          .join(" ");
    }
    return text;
  }

  var problemCheck = { CHOICES: CHOICES, classify: classify, describe: describe, summary: summary };

  if (typeof module === "object" && module.exports) {
    module.exports = problemCheck;
    return;
  }

  /* --- The self-check on the page ----------------------------------------------------
     Reads the learner's answers, shows the suggestion in a live region, and
     copies it into the answer box the data names (check_copy_to) on request. */

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

  /* The self-check's parts on the page, its data, and the last suggestion made. */
  function createCheck(element, data) {
    var form = element.querySelector(".problem-check__form");
    var copyArea = element.querySelector(".problem-check__copy"); // none when the data names no box to copy to
    return {
      data: data,
      form: form,
      problemField: form.querySelector('input[name="problem"]'),
      result: element.querySelector(".problem-check__result"),
      copyArea: copyArea,
      copyButton: copyArea && copyArea.querySelector("button"),
      copyStatus: copyArea && copyArea.querySelector(".problem-check__copy-status"),
      lastSummary: "",
    };
  }

  function showResult(check, words) {
    var list = document.createElement("ul");
    words.details.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    check.result.textContent = "";
    check.result.append(paragraph("problem-check__headline", words.headline), list);
    check.result.classList.add("problem-check__result--shown");
  }

  function showCopy(check, shown) {
    if (!check.copyArea) return;
    check.copyArea.hidden = !shown;
    check.copyStatus.textContent = "";
  }

  function clearResult(check) {
    check.result.textContent = "";
    check.result.classList.remove("problem-check__result--shown");
    showCopy(check, false);
    check.lastSummary = "";
  }

  function suggest(check) {
    var types = check.data.types;
    var problem = check.problemField.value.trim();
    var outcome = problemCheck.classify(types, answersOf(check.form, types));
    showResult(check, problemCheck.describe(outcome, types, problem));
    if (outcome.status === "incomplete") {
      showCopy(check, false);
      var first = document.getElementById("problem-check-" + outcome.missing[0].id);
      if (first) first.querySelector("input").focus();
      return;
    }
    check.lastSummary = problemCheck.summary(outcome, types, problem);
    showCopy(check, true);
  }

  function copy(check) {
    if (!check.lastSummary) return;
    var to = check.data.copyTo;
    var kept = course.answerBoxes.append(to.activity, to.prompt, check.lastSummary);
    check.copyStatus.textContent =
      "Copied into " + to.label + ", question " + to.number + "." +
      (kept ? "" : " It is not kept: this browser is not storing answers.");
  }

  function listen(check) {
    check.form.addEventListener("submit", function (event) {
      event.preventDefault();
      suggest(check);
    });
    /* A changed answer makes the shown suggestion stale. */
    check.form.addEventListener("change", function () {
      if (check.lastSummary || check.result.childNodes.length) clearResult(check);
    });
    check.problemField.addEventListener("input", function () {
      if (check.lastSummary) clearResult(check);
    });
    if (check.copyButton) {
      check.copyButton.addEventListener("click", function () {
        copy(check);
      });
    }
  }

  function setUp(element) {
    var data = course.readJson("problem-check-data");
    if (!data) return;
    var check = createCheck(element, data);
    listen(check);
    element.querySelector(".problem-check__no-js").hidden = true;
    check.form.hidden = false;
  }

  course.component("#problem-check", setUp);
})(typeof self !== "undefined" ? self : this);
