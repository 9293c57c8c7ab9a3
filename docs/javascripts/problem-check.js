/* "Which kind of problem is it?": the self-check on Grint's typology.
   Pure logic, no DOM: tested with node (tests/js/problem-check.test.js).

   `types` is the page's data, rendered from data/problem_types.yml:
     [{ id, name, description, response, approach, question }]
   `answers` maps a type's id to "yes", "no" or "unsure" (or nothing yet).
   Every type whose question is answered "yes" is suggested: the check never
   picks one for the learner when the answers fit several. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    var name = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    (root[name] = root[name] || {}).problemCheck = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
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

  return { CHOICES: CHOICES, classify: classify, describe: describe, summary: summary };
});
