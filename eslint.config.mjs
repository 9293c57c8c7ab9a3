// ESLint for every script in the repository (`make test-js`; guides/tests.md says what it checks).
//
// The site's own scripts (docs/javascripts/, and the inline scripts of overrides/) run in the
// reader's browser: they are checked against the browsers the site supports, listed in
// .browserslistrc (guides/authors.md: "Browsers"). The syntax is held to ES2017, the newest
// every one of those browsers reads; eslint-plugin-compat refuses a Web or JavaScript API
// that one of them lacks. The node scripts (scripts/, bench/, tests/js/) run on the node
// that runs the tests.
import js from "@eslint/js";
import compat from "eslint-plugin-compat";
import html from "eslint-plugin-html";
import globals from "globals";

// The newest syntax every supported browser reads: Safari 11 (iOS 11) and Firefox 60 stop at ES2017.
const BROWSER_SYNTAX = 2017;

const WRAPPER = "ExpressionStatement[expression.type='CallExpression'][expression.callee.type='FunctionExpression']";

const siteScriptRules = {
  ...js.configs.recommended.rules,
  "compat/compat": "error",
  // `catch (error)` must name the error in ES2017 (optional catch binding is ES2019), and an
  // empty one says "this browser lacks it; carry on".
  "no-unused-vars": ["error", { caughtErrors: "none" }],
  "no-empty": ["error", { allowEmptyCatch: true }],
  // Short functions: the file's wrapper is an IIFE, and IIFEs are not counted.
  "max-lines-per-function": ["error", { max: 40, skipBlankLines: false, skipComments: false, IIFEs: false }],
  // No code made from strings: the Content-Security-Policy refuses it anyway (course/publish/csp.py).
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-script-url": "error",
  "no-restricted-syntax": [
    "error",
    {
      selector: `Program > :not(${WRAPPER})`,
      message: "Everything in a site script goes inside its one wrapper, (function (root) { ... })(self): nothing leaks into the page's globals.",
    },
    {
      selector: `Program > ${WRAPPER} ~ *`,
      message: "One wrapper per script: put this inside the first one.",
    },
    {
      // no-implied-eval sees `setTimeout("...")` and `window.setTimeout("...")`; these scripts say `root.setTimeout`.
      selector: "CallExpression[callee.property.name=/^set(Timeout|Interval)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
      message: "A timer given a string runs it as code: give it a function.",
    },
    {
      selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^on/i]",
      message: "An inline event handler: the Content-Security-Policy refuses it. Use addEventListener.",
    },
  ],
  // Elements are made with createElement and textContent, never parsed from strings of HTML.
  "no-restricted-properties": [
    "error",
    { property: "eval", message: "No code made from strings (no-eval sees only eval and window.eval; these scripts say root)." },
    ...["innerHTML", "outerHTML", "insertAdjacentHTML"].map((property) => ({
      property,
      message: "Build elements with createElement and textContent, never from a string of HTML.",
    })),
    { object: "document", property: "write", message: "Build elements with createElement and textContent." },
    // eslint-plugin-compat cannot tell what a variable holds, so a method called on an element
    // escapes it. The ones outside the target that this code has reached for:
    {
      property: "replaceChildren",
      message: "Not in Safari before 14 or Chrome before 86: empty the element (textContent = \"\") and append.",
    },
  ],
};

export default [
  {
    ignores: [
      "docs/javascripts/vendor/", // vendored (scripts/vendor-iframe-worker, scripts/vendor-docx)
      "site/",
      ".venv/",
      ".venv-properdocs/",
      "bench/results/",
    ],
  },
  {
    files: ["docs/javascripts/**/*.js"],
    plugins: { compat },
    languageOptions: {
      ecmaVersion: BROWSER_SYNTAX,
      sourceType: "script",
      // `module`: under node (tests/js/) each script exports its pure logic and stops there.
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: siteScriptRules,
  },
  {
    // The inline scripts of the theme's overrides (each partial's <script>), checked as the site's scripts.
    files: ["overrides/**/*.html"],
    plugins: { compat, html },
    languageOptions: {
      ecmaVersion: BROWSER_SYNTAX,
      sourceType: "script",
      // __md_get: Material's inline script, earlier in the page, defines it.
      globals: { ...globals.browser, __md_get: "readonly" },
    },
    rules: siteScriptRules,
  },
  {
    files: ["scripts/**/*.js", "bench/**/*.js", "tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
    rules: js.configs.recommended.rules,
  },
  {
    // The test platform the SCORM browser tests open the package in (a test page, not the site's).
    files: ["tests/scorm/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.browser },
    rules: js.configs.recommended.rules,
  },
  {
    files: ["eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
    rules: js.configs.recommended.rules,
  },
];
