/* "Which kind of problem is it?": the self-check on a unit's typology
   (course/render/templates/problem_check.html), and its worked scenarios
   (problem_check_scenarios.html). Its logic, then the page's component. The
   logic is pure, no DOM: tested with node (tests/js/problem-check.test.js);
   under node this file exports it and stops there.

   `data` is the page's JSON (course/render/problem_check.py), made from the
   unit's self_check.yml: every word shown comes from it, none from here.
     questions: [{ id, number, answers: [answer ids] }]
     results:   [{ id, when: { question id: [answer ids] }, headline,
                   types: "Critical (command)", typeCount, explanation, reframe }]
     scenarios: [{ id, title, answers: { question id: answer id } }]
     messages: { the self-check's own words }, copyTo
   `answers` maps a question's id to the id of the answer ticked. A result is
   for the answers when, for every question its `when` names, the answer is one
   it lists (course/content/self_check.py, `matches`: the check makes sure each
   full set of answers has exactly one result). */
(function (root) {
  "use strict";

  function matches(result, answers) {
    return Object.keys(result.when).every(function (question) {
      return result.when[question].indexOf(answers[question]) !== -1;
    });
  }

  /* { status: "incomplete", missing: [questions] }
     { status: "result", result }
     { status: "none" }   no result is for these answers (the check refuses such data) */
  function classify(data, answers) {
    var missing = data.questions.filter(function (question) {
      return question.answers.indexOf(answers[question.id]) === -1;
    });
    if (missing.length) return { status: "incomplete", missing: missing };
    var found = data.results.filter(function (result) {
      return matches(result, answers);
    });
    return found.length ? { status: "result", result: found[0] } : { status: "none" };
  }

  /* A message with its {placeholders} filled. */
  function fill(message, values) {
    return message.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function numbers(questions) {
    return questions
      .map(function (question) {
        return String(question.number);
      })
      .join(", ");
  }

  /* The result in words: { problem, headline, lines: [{ label, text }] }; `problem` is
     what the learner called the problem ("" when they did not). */
  function describe(outcome, data, problem) {
    var words = data.messages;
    var named = problem ? fill(words.problem, { problem: problem }) : "";
    if (outcome.status === "incomplete") {
      return { problem: named, headline: words.incomplete, lines: [{ label: "", text: fill(words.missing, { numbers: numbers(outcome.missing) }) }] };
    }
    if (outcome.status === "none") return { problem: named, headline: words.none, lines: [] };
    var result = outcome.result;
    return {
      problem: named,
      headline: result.headline,
      lines: [
        { label: result.typeCount > 1 ? words.typesLabel : words.typeLabel, text: result.types },
        { label: "", text: result.explanation },
        { label: words.reframeLabel, text: result.reframe },
      ],
    };
  }

  /* How the learner's answers compare with a scenario's model answer. */
  function compare(data, scenario, answers) {
    var differ = data.questions.filter(function (question) {
      return scenario.answers[question.id] !== answers[question.id];
    });
    var values = { title: scenario.title, numbers: numbers(differ) };
    return differ.length ? fill(data.messages.differ, values) : fill(data.messages.same, values);
  }

  function sentence(text) {
    return /[.?!]$/.test(text) ? text : text + ".";
  }

  /* One short paragraph to copy into an answer box: the problem, the result, its types and the reframing question. */
  function summary(outcome, data, problem) {
    var words = data.messages;
    var result = outcome.result;
    var parts = [
      problem ? fill(words.problem, { problem: problem }) : "",
      result.headline,
      (result.typeCount > 1 ? words.typesLabel : words.typeLabel) + " " + result.types,
      words.reframeLabel + " " + result.reframe,
    ];
    return fill(words.summary, { text: parts.filter(Boolean).map(sentence).join(" ") });
  }

  var problemCheck = { matches: matches, classify: classify, describe: describe, compare: compare, summary: summary, fill: fill };

  if (typeof module === "object" && module.exports) {
    module.exports = problemCheck;
    return;
  }

  /* --- The self-check on the page ----------------------------------------------------
     Reads the learner's answers, shows the result in a live region, copies it
     into the answer box the data names (copy_to) on request, and lets a worked
     scenario be tried: its title becomes the problem, and the result compares
     the answers with its model answer. */

  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];

  function answersOf(check) {
    var answers = {};
    check.data.questions.forEach(function (question) {
      var chosen = check.form.querySelector('input[name="problem-check-' + question.id + '"]:checked');
      if (chosen) answers[question.id] = chosen.value;
    });
    return answers;
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  /* The self-check's parts on the page, its data, the scenario being tried and the last result. */
  function createCheck(container, data) {
    var form = container.querySelector(".problem-check__form");
    var copyArea = container.querySelector(".problem-check__copy"); // none when the data names no box to copy to
    return {
      data: data,
      form: form,
      problemField: form.querySelector('input[name="problem"]'),
      result: container.querySelector(".problem-check__result"),
      copyArea: copyArea,
      copyButton: copyArea && copyArea.querySelector("button"),
      copyStatus: copyArea && copyArea.querySelector(".problem-check__copy-status"),
      scenario: null,
      lastSummary: "",
    };
  }

  function line(item) {
    var paragraph = element("p", "problem-check__line");
    if (item.label) paragraph.append(element("strong", "", item.label), " ");
    paragraph.append(item.text);
    return paragraph;
  }

  function showResult(check, words, comparison) {
    check.result.textContent = "";
    if (words.problem) check.result.append(element("p", "problem-check__problem", words.problem));
    check.result.append(element("p", "problem-check__headline", words.headline));
    words.lines.forEach(function (item) {
      check.result.append(line(item));
    });
    if (comparison) check.result.append(comparison);
    check.result.classList.add("problem-check__result--shown");
  }

  /* "Your answers match the model answer…", and a button that opens it. */
  function comparisonWith(check, answers) {
    var scenario = check.scenario;
    var paragraph = element("p", "problem-check__comparison", problemCheck.compare(check.data, scenario, answers) + " ");
    var button = element("button", "unit-button", check.data.messages.showModel);
    button.type = "button";
    button.addEventListener("click", function () {
      var model = document.getElementById("problem-scenario-" + scenario.id + "-model");
      if (!model) return;
      model.open = true;
      model.querySelector("summary").focus();
    });
    paragraph.append(button);
    return paragraph;
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
    var problem = check.problemField.value.trim();
    var answers = answersOf(check);
    var outcome = problemCheck.classify(check.data, answers);
    var tried = outcome.status === "result" && check.scenario && check.scenario.title === problem;
    showResult(check, problemCheck.describe(outcome, check.data, problem), tried ? comparisonWith(check, answers) : null);
    if (outcome.status !== "result") {
      showCopy(check, false);
      if (outcome.missing) check.form.querySelector('input[name="problem-check-' + outcome.missing[0].id + '"]').focus();
      return;
    }
    check.lastSummary = problemCheck.summary(outcome, check.data, problem);
    showCopy(check, true);
  }

  function copy(check) {
    if (!check.lastSummary) return;
    var to = check.data.copyTo;
    var kept = course.answerBoxes.append(to.activity, to.prompt, check.lastSummary);
    var words = check.data.messages;
    check.copyStatus.textContent = fill(words.copied, { label: to.label, number: to.number }) + (kept ? "" : " " + words.notKept);
  }

  /* A worked scenario, tried: its title is the problem, the answers start afresh, and focus goes to the first question. */
  function tryScenario(check, scenario) {
    check.form.reset();
    check.problemField.value = scenario.title;
    check.scenario = scenario;
    clearResult(check);
    var first = check.form.querySelector(".problem-check__question input");
    first.scrollIntoView({ block: "center" });
    first.focus();
  }

  function listenToScenarios(check) {
    check.data.scenarios.forEach(function (scenario) {
      var button = document.querySelector('.problem-scenario__try-button[data-scenario="' + scenario.id + '"]');
      if (!button) return;
      button.addEventListener("click", function () {
        tryScenario(check, scenario);
      });
      button.parentNode.hidden = false;
    });
  }

  function listen(check) {
    check.form.addEventListener("submit", function (event) {
      event.preventDefault();
      suggest(check);
    });
    /* A changed answer makes the shown result stale. */
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
    listenToScenarios(check);
  }

  function setUp(container) {
    var data = course.readJson("problem-check-data");
    if (!data) return;
    var check = createCheck(container, data);
    listen(check);
    container.querySelector(".problem-check__no-js").hidden = true;
    check.form.hidden = false;
  }

  course.component("#problem-check", setUp);
})(typeof self !== "undefined" ? self : this);
