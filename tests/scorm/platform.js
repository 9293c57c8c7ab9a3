// The test platform's side of SCORM 1.2 (tests/scorm/platform.html): scorm-again's runtime, each
// call the package makes recorded with its arguments and result, in order.
(function () {
  "use strict";
  const CALLS = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"];

  const platform = {
    calls: [],
    runtime: null,

    /* Open the package at `address`, the platform having kept `cmi` (what it keeps of the
       learner, as scorm-again loads it). A platform that refuses a call (`refuse`: its name)
       answers "false" to it, and error 101, General exception. */
    launch(address, cmi, refuse) {
      const runtime = new window.Scorm12API({ logLevel: 5 });
      if (cmi) runtime.loadFromJSON(cmi, "cmi");
      let refused = false;
      const answer = (name, args) => {
        if (name === refuse) {
          refused = true;
          return "false";
        }
        if (name === "LMSGetLastError" && refused) return "101";
        if (name === "LMSGetErrorString" && refused) return "General exception";
        refused = refused && (name === "LMSGetLastError" || name === "LMSGetErrorString");
        return runtime[name](...args);
      };
      const api = {};
      for (const name of CALLS) {
        api[name] = (...args) => {
          const result = answer(name, args);
          platform.calls.push({ name, args: args.map(String), result: String(result) });
          return result;
        };
      }
      window.API = api;
      platform.runtime = runtime;
      const frame = document.createElement("iframe");
      frame.id = "sco";
      frame.title = "The unit";
      frame.width = "1200";
      frame.height = "800";
      frame.src = address;
      document.getElementById("player").append(frame);
    },

    /* The learner leaves: the platform takes the package's frame away. */
    close() {
      document.getElementById("sco").remove();
    },

    /* What the platform keeps of the session, as scorm-again renders it. */
    cmi() {
      return JSON.parse(JSON.stringify(platform.runtime.cmi));
    },
  };
  window.platform = platform;
})();
