/* Answer boxes under every activity prompt (course/render/templates/activity.html).
   What the learner types is saved in this browser as they type, restored when
   any page showing the same prompt loads, and kept in step across the boxes
   of a page and across tabs. Nothing is sent anywhere. Answers are only ever
   set as .value or .textContent, never parsed as HTML. A page with no answer
   box leaves the browser's storage alone (docs/privacy.md says what is kept). */
(function (root) {
  "use strict";
  var course = root[JSON.parse(document.getElementById("course-settings").textContent).namespace];
  var answersStore = course.answersStore;

  /* Each note is its text, then the link to the privacy notice the template put in
     the note (kept, with its address, when the note is rewritten), then the rest. */
  var NOTE_KEPT = [
    "Your answers are kept in this browser, on this device, as you type; nothing is sent anywhere. " +
      "My workbook gathers them all. The ",
    " says how to see, download or delete them.",
  ];
  var NOTE_NOT_KEPT = [
    "This browser is not letting the site keep anything, so your answers cannot be kept: " +
      "they are lost when you leave or reload this page. Copy them somewhere safe, or write them on paper. The ",
    " says what this website keeps.",
  ];
  var CHANGED = "course:answers-changed";

  var store = null;

  /* The store of this page's unit (course.settings.unit); a page in no unit has no answer boxes. */
  function getStore() {
    if (!store) {
      var storageKey = course.settings.unit ? course.settings.unit.storageKey : "course";
      store = answersStore.createStore(
        answersStore.openStorage(function () {
          return root.localStorage;
        }, answersStore.keysFor(storageKey).probe),
        storageKey,
      );
    }
    return store;
  }

  function allBoxes() {
    return Array.prototype.slice.call(document.querySelectorAll("textarea.activity__answer-box"));
  }

  function boxesFor(activityId, promptId) {
    return allBoxes().filter(function (box) {
      return box.dataset.activity === activityId && box.dataset.prompt === promptId;
    });
  }

  /* The copy that prints in place of the ruled lines, and the prompt's state. */
  function showForPrint(box) {
    var prompt = box.closest(".activity__prompt");
    if (!prompt) return;
    var answered = box.value.trim() !== "";
    var copy = prompt.querySelector(".activity__answer-print");
    if (copy) copy.textContent = answered ? box.value : "";
    prompt.classList.toggle("activity__prompt--answered", answered);
  }

  function show(box, text) {
    if (box.value !== text) box.value = text;
    showForPrint(box);
  }

  function announceChange() {
    document.dispatchEvent(new CustomEvent(CHANGED));
  }

  /* Put the stored answers back into every box on the page. */
  function refresh() {
    allBoxes().forEach(function (box) {
      show(box, getStore().get(box.dataset.activity, box.dataset.prompt));
    });
    announceChange();
  }

  function save(box) {
    getStore().set(box.dataset.activity, box.dataset.prompt, box.value);
    boxesFor(box.dataset.activity, box.dataset.prompt).forEach(function (other) {
      if (other === box) showForPrint(box);
      else show(other, box.value);
    });
    announceChange();
  }

  /* Add text to the end of an answer (the self-check's "Copy into" button).
     Works whether or not the prompt's box is on this page. Returns whether it
     was kept in storage. */
  function append(activityId, promptId, text) {
    var before = getStore().get(activityId, promptId).replace(/\s+$/, "");
    var after = before ? before + "\n\n" + text : text;
    var kept = getStore().set(activityId, promptId, after);
    boxesFor(activityId, promptId).forEach(function (box) {
      show(box, after);
    });
    announceChange();
    return kept;
  }

  function setUpNotes() {
    var notes = document.querySelectorAll(".activity__answers-note");
    if (!notes.length) return;
    var kept = getStore().persistent;
    var words = kept ? NOTE_KEPT : NOTE_NOT_KEPT;
    Array.prototype.forEach.call(notes, function (note) {
      var link = note.querySelector("a");
      if (link) note.replaceChildren(document.createTextNode(words[0]), link, document.createTextNode(words[1]));
      else note.textContent = words[0].replace(/ The $/, "");
      note.classList.toggle("activity__answers-note--kept", kept);
      note.classList.toggle("activity__answers-note--warning", !kept);
    });
  }

  function setUpBoxes() {
    allBoxes().forEach(function (box) {
      if (box.dataset.answerReady) return;
      box.dataset.answerReady = "true";
      show(box, getStore().get(box.dataset.activity, box.dataset.prompt));
      box.addEventListener("input", function () {
        save(box);
      });
      var container = box.closest(".activity__answer");
      if (container) container.hidden = false;
    });
  }

  /* Another tab changed or cleared the answers. */
  root.addEventListener("storage", function (event) {
    if (!allBoxes().length) return;
    if (event.key === null) {
      refresh();
      return;
    }
    var id = answersStore.keysFor(getStore().storageKey).parseKey(event.key);
    if (!id) return;
    boxesFor(id.activity, id.prompt).forEach(function (box) {
      show(box, event.newValue || "");
    });
    announceChange();
  });

  course.answerBoxes = {
    CHANGED: CHANGED,
    store: getStore,
    refresh: refresh,
    append: append,
  };

  course.onReady(function () {
    setUpNotes();
    setUpBoxes();
  });
})(self);
