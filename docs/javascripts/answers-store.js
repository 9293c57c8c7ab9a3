/* Answers to the activities' prompts, kept in the browser's localStorage.
   Pure logic, no DOM: tested with node (tests/js/answers-store.test.js).

   Keys are stable and readable: <storage key>:answer:<activity id>:<prompt id>,
   for example pcn-unit3:answer:self-activity-8:define-with-typology. The
   storage key is the unit's (data/programme.yml), so each unit keeps its own
   answers; the ids come from the unit's activities.yml. None may change.
   Nothing here sends anything anywhere. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    var name = JSON.parse(document.getElementById("course-settings").textContent).namespace;
    (root[name] = root[name] || {}).answersStore = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

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

  /* A store of one unit's answers (`storageKey`) over `storage`, or over memory
     alone when storage is null (answers then last as long as the page). Every
     method survives a storage that starts throwing half-way (quota, the user
     blocking it). */
  function createStore(storage, storageKey) {
    var keys = keysFor(storageKey);
    var answerKey = keys.answerKey;
    var parseKey = keys.parseKey;
    var memory = new Map();
    var store = {
      storageKey: storageKey,
      persistent: storage !== null && storage !== undefined,

      get: function (activityId, promptId) {
        var key = answerKey(activityId, promptId);
        if (memory.has(key)) return memory.get(key);
        if (!store.persistent) return "";
        try {
          var value = storage.getItem(key);
          return typeof value === "string" ? value : "";
        } catch (error) {
          return "";
        }
      },

      /* Keep `text` (a blank answer removes the key). Returns true when it was
         written to storage, false when it is only held in memory. */
      set: function (activityId, promptId, text) {
        var key = answerKey(activityId, promptId);
        var value = isBlank(text) ? "" : String(text);
        if (!store.persistent) {
          memory.set(key, value);
          return false;
        }
        try {
          if (value === "") storage.removeItem(key);
          else storage.setItem(key, value);
          memory.delete(key);
          return true;
        } catch (error) {
          memory.set(key, value);
          return false;
        }
      },

      /* Every non-blank answer: { "<activity>": { "<prompt>": text } }. */
      all: function () {
        var answers = {};
        function add(key, value) {
          var id = parseKey(key);
          if (!id || isBlank(value)) return;
          (answers[id.activity] = answers[id.activity] || {})[id.prompt] = value;
        }
        if (store.persistent) {
          try {
            for (var i = 0; i < storage.length; i += 1) {
              var key = storage.key(i);
              add(key, storage.getItem(key));
            }
          } catch (error) {
            /* what could be read is returned */
          }
        }
        memory.forEach(function (value, key) {
          var id = parseKey(key);
          if (id && answers[id.activity]) delete answers[id.activity][id.prompt];
          add(key, value);
        });
        return answers;
      },

      /* Delete every answer of this unit, and nothing else (another unit's answers stay). Returns how many. */
      clear: function () {
        var removed = 0;
        var ours = [];
        if (store.persistent) {
          try {
            for (var i = 0; i < storage.length; i += 1) {
              if (parseKey(storage.key(i))) ours.push(storage.key(i));
            }
            ours.forEach(function (key) {
              storage.removeItem(key);
            });
            removed = ours.length;
          } catch (error) {
            /* storage went away: nothing more can be removed */
          }
        }
        memory.forEach(function (value, key) {
          if (ours.indexOf(key) === -1 && !isBlank(value)) removed += 1;
        });
        memory.clear();
        return removed;
      },
    };
    return store;
  }

  return {
    keysFor: keysFor,
    openStorage: openStorage,
    createStore: createStore,
  };
});
