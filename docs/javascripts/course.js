/* The course's one site-wide script, on every page. Deferred, in the head,
   just before Material's bundle and the page's own script (deferred too:
   overrides/main.html), so it runs once the page is read, before them:

   - the shared namespace (window.PcnProgramme, named by the page's
     <script type="application/json" id="course-settings">, from data/programme.yml);
   - the one component pattern: course.component(selector, setUp) runs setUp once
     for each element that matches, on every page Material shows;
   - search on demand: the search index and its worker are fetched when the reader
     first opens search, not on every first visit;
   - collapsed blocks opened for printing;
   - the answer boxes under every activity prompt, kept in this browser.

   The answers store is pure logic, tested with node (tests/js/answers-store.test.js):
   under node this file exports it and stops there. Classic script, not an ES
   module, like every script here: browsers refuse module imports over file://,
   and the offline copy is opened from file://. Written for the browsers in
   .browserslistrc, as eslint checks (eslint.config.mjs). */
(function (root) {
  "use strict";

  /* --- The answers store: pure logic, no DOM ------------------------------------

     Keys are stable and readable: <storage key>:answer:<activity id>:<prompt id>,
     for example pcn-unit3:answer:self-activity-8:define-with-typology. The
     storage key is the unit's (data/programme.yml), so each unit keeps its own
     answers; the ids come from the unit's activities.yml. None may change.
     Nothing here sends anything anywhere. */

  /* The keys of one unit's answers: its prefix, how a key is made, and how one is read. */
  function keysFor(storageKey) {
    var prefix = storageKey + ":answer:";
    return {
      prefix: prefix,
      probe: storageKey + ":storage-check",
      answerKey: function (activityId, promptId) {
        return prefix + activityId + ":" + promptId;
      },
      /* { activity, prompt } for one of this unit's keys, or null for anyone else's. */
      parseKey: function (key) {
        if (typeof key !== "string" || key.indexOf(prefix) !== 0) return null;
        var parts = key.slice(prefix.length).split(":");
        if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
        return { activity: parts[0], prompt: parts[1] };
      },
    };
  }

  /* The storage, if it really keeps what is written; null when it is blocked
     (browser settings, some private modes) or full. Reading `localStorage`
     itself can throw, hence the function. */
  function openStorage(getStorage, probeKey) {
    try {
      var storage = getStorage();
      if (!storage) return null;
      storage.setItem(probeKey, "1");
      var kept = storage.getItem(probeKey) === "1";
      storage.removeItem(probeKey);
      return kept ? storage : null;
    } catch (error) {
      return null;
    }
  }

  function isBlank(text) {
    return typeof text !== "string" || text.trim() === "";
  }

  /* The stored keys, as far as they can be read (storage can start throwing half-way). */
  function storedKeys(storage) {
    var keys = [];
    try {
      for (var i = 0; i < storage.length; i += 1) keys.push(storage.key(i));
    } catch (error) {
      /* what could be read is returned */
    }
    return keys;
  }

  function readAnswer(store, activityId, promptId) {
    var key = store.keys.answerKey(activityId, promptId);
    if (store.memory.has(key)) return store.memory.get(key);
    if (!store.persistent) return "";
    try {
      var value = store.storage.getItem(key);
      return typeof value === "string" ? value : "";
    } catch (error) {
      return "";
    }
  }

  /* Keep `text` (a blank answer removes the key). Returns true when it was
     written to storage, false when it is only held in memory. */
  function writeAnswer(store, activityId, promptId, text) {
    var key = store.keys.answerKey(activityId, promptId);
    var value = isBlank(text) ? "" : String(text);
    if (!store.persistent) {
      store.memory.set(key, value);
      return false;
    }
    try {
      if (value === "") store.storage.removeItem(key);
      else store.storage.setItem(key, value);
      store.memory.delete(key);
      return true;
    } catch (error) {
      store.memory.set(key, value);
      return false;
    }
  }

  /* Every non-blank answer: { "<activity>": { "<prompt>": text } }. */
  function allAnswers(store) {
    var answers = {};
    function add(key, value) {
      var id = store.keys.parseKey(key);
      if (!id || isBlank(value)) return;
      (answers[id.activity] = answers[id.activity] || {})[id.prompt] = value;
    }
    if (store.persistent) {
      storedKeys(store.storage).forEach(function (key) {
        try {
          add(key, store.storage.getItem(key));
        } catch (error) {
          /* what could be read is returned */
        }
      });
    }
    store.memory.forEach(function (value, key) {
      var id = store.keys.parseKey(key);
      if (id && answers[id.activity]) delete answers[id.activity][id.prompt];
      add(key, value);
    });
    return answers;
  }

  /* Delete every answer of this unit, and nothing else (another unit's answers stay). Returns how many. */
  function clearAnswers(store) {
    var ours = [];
    if (store.persistent) {
      ours = storedKeys(store.storage).filter(function (key) {
        return store.keys.parseKey(key);
      });
      try {
        ours.forEach(function (key) {
          store.storage.removeItem(key);
        });
      } catch (error) {
        /* storage went away: nothing more can be removed */
      }
    }
    var removed = ours.length;
    store.memory.forEach(function (value, key) {
      if (ours.indexOf(key) === -1 && !isBlank(value)) removed += 1;
    });
    store.memory.clear();
    return removed;
  }

  /* A store of one unit's answers (`storageKey`) over `storage`, or over memory
     alone when storage is null (answers then last as long as the page). Every
     method survives a storage that starts throwing half-way (quota, the user
     blocking it). */
  function createStore(storage, storageKey) {
    var store = {
      storageKey: storageKey,
      persistent: storage !== null && storage !== undefined,
      storage: storage,
      keys: keysFor(storageKey),
      memory: new Map(),
    };
    store.get = readAnswer.bind(null, store);
    store.set = writeAnswer.bind(null, store);
    store.all = allAnswers.bind(null, store);
    store.clear = clearAnswers.bind(null, store);
    return store;
  }

  var answersStore = { keysFor: keysFor, openStorage: openStorage, createStore: createStore };

  if (typeof module === "object" && module.exports) {
    module.exports = { answersStore: answersStore };
    return;
  }

  /* --- The namespace and the component pattern ------------------------------------ */

  var settings = JSON.parse(document.getElementById("course-settings").textContent);
  var course = (root[settings.namespace] = root[settings.namespace] || {});
  var components = [];
  var started = false;

  function mount(entry) {
    Array.prototype.forEach.call(document.querySelectorAll(entry.selector), function (element) {
      if (entry.mounted.has(element)) return;
      entry.mounted.add(element);
      entry.setUp(element);
    });
  }

  /* Every component on the page is set up: the moment bench/page_load.py counts
     the page usable (with Material's bundle started), marked for it and for
     Chromium's performance panel. */
  function mountAll() {
    started = true;
    components.forEach(mount);
    if (root.performance && typeof root.performance.mark === "function") root.performance.mark("course:ready");
  }

  /* Run setUp(element) once for each element matching `selector`: when
     Material's document$ shows the page, after its own components are set up,
     and again for each page it shows (should instant navigation be turned on).
     The scripts after this one (Material's bundle, a page's own) have all run
     by DOMContentLoaded, when this script subscribes: the bundle, which made
     document$, shows the page on that event, after this listener. */
  function component(selector, setUp) {
    var entry = { selector: selector, setUp: setUp, mounted: new WeakSet() };
    components.push(entry);
    if (started) mount(entry);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (root.document$ && typeof root.document$.subscribe === "function") root.document$.subscribe(mountAll);
    else mountAll();
  }, { once: true });

  /* The page's data, rendered by a macro as <script type="application/json">. */
  function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  /* A file made in the browser (`content`: text, or a Blob), saved through the
     browser's own download: works offline and from file://, and sends nothing anywhere. */
  function saveFile(content, fileName, type) {
    var blob = content instanceof Blob ? content : new Blob([content], { type: type });
    var url = URL.createObjectURL(blob);
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

  course.settings = settings; // the page's unit: its storage key and download name
  course.component = component;
  course.readJson = readJson;
  course.saveFile = saveFile;
  course.answersStore = answersStore;

  /* --- Search on demand ---------------------------------------------------------------

     Material's bundle starts its search worker and fetches the search index as
     soon as a page loads: a third of a first visit's bytes, for a search most
     visits never open. Online, the worker and the index wait until the reader
     first opens search (the search box, its keys "/" and "s", or a link back from
     a search result with ?h=); until then Material sees a worker that keeps its
     messages, and its request for the index waits to be sent. From file:// (the offline copy) nothing changes: Material already
     waits there, and iframe-worker stands in for the worker. */

  function searchConfig() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return { worker: new URL(config.search, document.baseURI).href, index: new URL("search/search_index.json", new URL(config.base, document.baseURI)).href };
    } catch (error) {
      return null;
    }
  }

  /* A promise kept when the reader first opens search. */
  function searchOpened() {
    return new Promise(function (resolve) {
      if (new URLSearchParams(root.location.search).has("h")) return resolve();
      var toggle = document.getElementById("__search");
      var input = document.querySelector("[data-md-component=search-query]");
      if (toggle) toggle.addEventListener("change", resolve);
      if (input) input.addEventListener("focus", resolve);
    });
  }

  /* Stands in for the search worker: it keeps what Material sends and listens
     for, and starts the real worker when search is first opened. */
  function waitingWorker(RealWorker, opened) {
    return function WaitingWorker(url, options) {
      var held = { messages: [], listeners: [], worker: null };
      opened.then(function () {
        held.worker = new RealWorker(url, options);
        held.listeners.forEach(function (args) {
          held.worker.addEventListener.apply(held.worker, args);
        });
        held.messages.forEach(function (message) {
          held.worker.postMessage(message);
        });
      });
      return {
        postMessage: function (message) {
          if (held.worker) held.worker.postMessage(message);
          else held.messages.push(message);
        },
        addEventListener: function () {
          held.listeners.push(arguments);
          if (held.worker) held.worker.addEventListener.apply(held.worker, arguments);
        },
        removeEventListener: function () {
          if (held.worker) held.worker.removeEventListener.apply(held.worker, arguments);
        },
        terminate: function () {
          if (held.worker) held.worker.terminate();
        },
      };
    };
  }

  /* Material asks for the index with XMLHttpRequest: that one request is sent when search is opened. */
  function waitForSearch(XMLHttpRequest, indexUrl, opened) {
    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.courseWaitsForSearch = new URL(String(url), document.baseURI).href === indexUrl;
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this;
      var body = arguments;
      if (!request.courseWaitsForSearch) return send.apply(request, body);
      opened.then(function () {
        send.apply(request, body);
      });
    };
  }

  function searchOnDemand() {
    var search = root.location.protocol.indexOf("http") === 0 && document.getElementById("__search") && searchConfig();
    if (!search || typeof root.Worker !== "function" || typeof root.XMLHttpRequest !== "function") return;
    var opened = searchOpened();
    var RealWorker = root.Worker;
    var Waiting = waitingWorker(RealWorker, opened);
    root.Worker = function Worker(url, options) {
      return new URL(String(url), document.baseURI).href === search.worker ? Waiting(url, options) : new RealWorker(url, options);
    };
    waitForSearch(root.XMLHttpRequest, search.index, opened);
  }

  searchOnDemand();

  /* --- Printing: collapsed blocks print open ----------------------------------------
     Before the browser prints, every closed <details> is opened; afterwards the
     ones opened are closed again. (print.css also shows their content, for
     browsers that print without firing these events.) */

  var openedForPrint = [];
  root.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  root.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) {
      details.open = false;
    });
    openedForPrint = [];
  });

  /* --- Material's menu and search, for the keyboard and the accessibility tree -----

     Material opens its menu (a drawer below 76.25em wide) and the menu's sections
     with <label>s for hidden checkboxes: a mouse or a finger can use them, but Tab
     never reaches the menu's, and reaches a section's with no name, role or state.
     Here (tests/site/test_keyboard.py holds each; unit.css hides what is closed):
     - the header's menu label becomes a real button, "Menu", that says whether the
       menu is open; opening it moves focus into the menu; Escape, or Tab out of
       it, closes it, and focus comes back to the button;
     - each section's toggle, and the title that leads back out of a section where
       sections slide over the menu, is a button that says whether the section is
       open and answers Enter and Space; where sections slide, focus goes with them;
     - below 60em wide, the header's search label is a button, and the search
       box, off screen there until search opens, no Tab stop; Escape in search
       brings focus back to where it was before search.
     Without JavaScript the labels still work for a mouse or a finger. */

  var DRAWER_MEDIA = "(max-width: 76.234375em)"; // Material's: below this the menu is a drawer
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type='hidden']), select, textarea, [tabindex]";

  function isShown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }

  function firstShownIn(container) {
    var candidates = container.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < candidates.length; i += 1) {
      if (candidates[i].tabIndex >= 0 && isShown(candidates[i])) return candidates[i];
    }
    return null;
  }

  function showExpanded(control, toggle) {
    control.setAttribute("aria-expanded", String(toggle.checked));
  }

  /* A header's label, replaced by a button with the label's icon (a <label> may
     not take role="button": axe's aria-allowed-role, which Lighthouse counts). */
  function headerButtonFor(label, name, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " " + className;
    button.setAttribute("aria-label", name);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.replaceChild(button, label);
    return button;
  }

  function setUpMenuButton(label) {
    var toggle = document.getElementById(label.htmlFor);
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !drawer) return;
    var button = headerButtonFor(label, "Menu", "unit-menu-button");
    var following = false; // a link in the menu was followed: Material closes the menu after it
    showExpanded(button, toggle);
    toggle.addEventListener("change", function () {
      showExpanded(button, toggle);
      // Closed around the focus, the focus goes back to the button; after a link to a part of
      // this page, the browser already starts the next Tab from there.
      if (!toggle.checked && !following && drawer.contains(document.activeElement)) button.focus();
      following = false;
    });
    drawer.addEventListener("click", function (event) {
      following = !!event.target.closest("a[href]");
    });
    button.addEventListener("click", function () {
      toggle.click(); // as Material opens it: the checkbox's change event follows
      var first = toggle.checked && firstShownIn(drawer);
      if (first) first.focus();
    });
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) toggle.click();
    });
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && next && !drawer.contains(next) && root.matchMedia(DRAWER_MEDIA).matches) toggle.click();
    });
  }

  /* A label made a button: a Tab stop that Enter and Space click. */
  function labelButton(label) {
    label.setAttribute("role", "button");
    if (!label.hasAttribute("tabindex")) label.tabIndex = 0;
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // Material's own Enter would click it a second time
      label.click();
    });
  }

  /* A label that opens or closes a section: a button with its section's state. */
  function sectionButton(label, toggle, section) {
    labelButton(label);
    if (!label.textContent.trim()) label.setAttribute("aria-label", "Pages in " + section);
    showExpanded(label, toggle);
    toggle.addEventListener("change", function () {
      showExpanded(label, toggle);
    });
  }

  /* One section of the menu: its checkbox, the toggle that opens it and the title inside it. */
  function setUpMenuSection(toggle) {
    var labels = document.querySelectorAll('.md-nav--primary label[for="' + toggle.id + '"]');
    var title = toggle.parentNode.querySelector(".md-nav > .md-nav__title[for='" + toggle.id + "']");
    var opener = null;
    Array.prototype.forEach.call(labels, function (label) {
      if (label !== title) opener = label;
      sectionButton(label, toggle, title ? title.textContent.trim() : "");
    });
    toggle.addEventListener("change", function () {
      var focused = document.activeElement;
      if (!root.matchMedia(DRAWER_MEDIA).matches || (focused !== opener && focused !== title)) return;
      var next = toggle.checked ? title : opener; // the section slid in, or back out
      if (next) next.focus();
    });
  }

  /* The header's search label, shown where the search box is not (below 60em
     wide): a button. There the closed search box is off screen, so it is not a
     Tab stop until search is open. */
  function setUpSearchButton(label) {
    var toggle = document.getElementById(label.htmlFor);
    var input = document.querySelector("[data-md-component='search-query']");
    var narrow = root.matchMedia("(max-width: 59.984375em)");
    if (!toggle || !input) return;
    var button = headerButtonFor(label, "Search", "unit-search-button");
    button.addEventListener("click", function () {
      toggle.click(); // as Material's label did: the checkbox's change event opens search
      if (toggle.checked) input.focus();
    });
    function placeBox() {
      input.tabIndex = narrow.matches && !toggle.checked ? -1 : 0;
    }
    placeBox();
    toggle.addEventListener("change", placeBox);
    narrow.addListener(placeBox);
  }

  /* Escape closes search (Material); focus goes back to where it was before. */
  function setUpSearchReturn(search) {
    var toggle = document.getElementById("__search");
    var before = null;
    var escaped = false;
    if (!toggle) return;
    document.addEventListener("focusin", function (event) {
      if (!search.contains(event.target)) before = event.target;
    });
    search.addEventListener("keydown", function (event) {
      escaped = event.key === "Escape" && toggle.checked;
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked || !escaped) return;
      escaped = false;
      if (before && before.isConnected && isShown(before)) before.focus();
    });
  }

  component(".md-header label.md-header__button[for='__drawer']", setUpMenuButton);
  component(".md-nav--primary .md-nav__toggle", setUpMenuSection);
  component(".md-header label.md-header__button[for='__search']", setUpSearchButton);
  component("[data-md-component='search']", setUpSearchReturn);

  /* --- Answer boxes (course/render/templates/activity.html) ------------------------

     What the learner types is saved in this browser as they type, restored when
     any page showing the same prompt loads, and kept in step across the boxes
     of a page and across tabs. Nothing is sent anywhere. Answers are only ever
     set as .value or .textContent, never parsed as HTML. A page with no answer
     box leaves the browser's storage alone (docs/privacy.md says what is kept). */

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
      var storageKey = settings.unit ? settings.unit.storageKey : "course";
      var storage = openStorage(function () {
        return root.localStorage;
      }, keysFor(storageKey).probe);
      store = createStore(storage, storageKey);
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

  function setUpNote(note) {
    var kept = getStore().persistent;
    var words = kept ? NOTE_KEPT : NOTE_NOT_KEPT;
    var link = note.querySelector("a");
    if (link) {
      note.textContent = "";
      note.append(words[0], link, words[1]);
    } else {
      note.textContent = words[0].replace(/ The $/, "");
    }
    note.classList.toggle("activity__answers-note--kept", kept);
    note.classList.toggle("activity__answers-note--warning", !kept);
  }

  function setUpBox(box) {
    show(box, getStore().get(box.dataset.activity, box.dataset.prompt));
    box.addEventListener("input", function () {
      save(box);
    });
    var container = box.closest(".activity__answer");
    if (container) container.hidden = false;
  }

  /* Another tab changed or cleared the answers. */
  root.addEventListener("storage", function (event) {
    if (!allBoxes().length) return;
    if (event.key === null) {
      refresh();
      return;
    }
    var id = keysFor(getStore().storageKey).parseKey(event.key);
    if (!id) return;
    boxesFor(id.activity, id.prompt).forEach(function (box) {
      show(box, event.newValue || "");
    });
    announceChange();
  });

  course.answerBoxes = { CHANGED: CHANGED, store: getStore, refresh: refresh, append: append };
  component(".activity__answers-note", setUpNote);
  component("textarea.activity__answer-box", setUpBox);
})(typeof self !== "undefined" ? self : this);
