/* The lint holds: eslint.config.mjs, with the browsers .browserslistrc declares, refuses what
   the site's scripts must not do, and checks every one of them. `make test-js` runs eslint on
   the scripts; these tests show it would refuse known-bad code, so a lint that checks nothing,
   or against the wrong browsers, fails here. Each snippet is linted as if it were a script in
   docs/javascripts/ (nothing is written there). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const browserslist = require("browserslist");
const { ESLint } = require("eslint");

const ROOT = path.resolve(__dirname, "..", "..");
const eslint = new ESLint({ cwd: ROOT });
const SITE_SCRIPT = path.join(ROOT, "docs", "javascripts", "known-bad.js");

/* A site script with `body` inside its one wrapper. */
function script(body) {
  return `(function (root) {\n  "use strict";\n${body}\n})(self);\n`;
}

async function problems(code) {
  const [result] = await eslint.lintText(code, { filePath: SITE_SCRIPT });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

/* A function with `lines` lines from its first to its last, inside the wrapper. */
function functionOf(lines) {
  const body = Array.from({ length: lines - 2 }, (_, i) => `    root.n = ${i};`);
  return script(["  function long() {", ...body, "  }", "  root.long = long;"].join("\n"));
}

/* The oldest version of a browser in the declared target, as caniuse names it ("11.0-11.2"). */
function oldest(browser) {
  const versions = browserslist(undefined, { path: ROOT })
    .filter((entry) => entry.startsWith(`${browser} `))
    .map((entry) => entry.split(" ")[1]);
  return versions.sort((a, b) => parseFloat(a) - parseFloat(b))[0];
}

test("the target is the one .browserslistrc declares, with the browsers NHS staff use", () => {
  assert.ok(fs.existsSync(path.join(ROOT, ".browserslistrc")));
  assert.ok(browserslist.loadConfig({ path: SITE_SCRIPT }), "no browserslist config found for the site's scripts");
  for (const browser of ["edge", "chrome", "firefox", "safari", "ios_saf", "and_chr", "samsung"]) {
    assert.ok(oldest(browser), `${browser} is not in the target`);
  }
});

test("an API the oldest supported browsers lack is refused, naming them", async () => {
  const found = await problems(script("  root.copy = Object.fromEntries([]);\n  root.seen = new ResizeObserver(function () {});"));
  assert.equal(found.length, 2, found.join("\n"));
  assert.ok(found.every((problem) => problem.startsWith("compat/compat: ")), found.join("\n"));
  assert.match(found[0], new RegExp(`iOS Safari ${oldest("ios_saf").replace(".", "\\.")}`));
  assert.match(found[1], new RegExp(`Chrome ${oldest("chrome")}\\b`));
});

test("an API every supported browser has passes, and so does one behind a check", async () => {
  const code = script(
    [
      "  root.query = new URLSearchParams(root.location.search);",
      "  root.seen = new WeakSet();",
      "  root.ready = new Promise(function (resolve) { resolve(new Map()); });",
      '  if (typeof root.ResizeObserver === "function") root.observer = new root.ResizeObserver(function () {});',
    ].join("\n"),
  );
  assert.deepEqual(await problems(code), []);
});

test("a method eslint-plugin-compat cannot see, outside the target, is refused by name", async () => {
  const found = await problems(script("  root.document.body.replaceChildren();"));
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /^no-restricted-properties: 'replaceChildren' .* Not in Safari before 14/);
});

test("syntax newer than ES2017 does not parse", async () => {
  const [found] = await problems(script("  root.copy = { ...root.settings };"));
  assert.match(found, /Parsing error/);
  assert.deepEqual(await problems(script("  root.later = async function () { await root.ready; };")), []);
});

test("no function over 40 lines; the file's wrapper is not counted", async () => {
  assert.deepEqual(await problems(functionOf(40)), []);
  const found = await problems(functionOf(41));
  assert.equal(found.length, 1, found.join("\n"));
  assert.match(found[0], /^max-lines-per-function: Function 'long' has too many lines \(41\)/);
});

test("one wrapper per script, and nothing outside it", async () => {
  const body = "  root.x = 1;";
  assert.deepEqual(await problems(script(body)), []);
  assert.deepEqual(await problems(script(body) + script(body)), [
    "no-restricted-syntax: One wrapper per script: put this inside the first one.",
  ]);
  const [global] = await problems("var leaked = 1;\n" + script(body));
  assert.match(global, /^no-restricted-syntax: Everything in a site script goes inside its one wrapper/);
});

test("no code made from strings, no inline handlers, no HTML from strings", async () => {
  const found = await problems(
    script(
      [
        '  root.eval("1");',
        '  root.setTimeout("root.x = 1", 10);',
        '  root.f = new Function("return 1");',
        '  root.document.body.setAttribute("onclick", "root.x = 1");',
        '  root.document.body.innerHTML = "<p>x</p>";',
      ].join("\n"),
    ),
  );
  const rules = found.map((problem) => problem.split(":")[0]);
  assert.deepEqual(rules, ["no-restricted-properties", "no-restricted-syntax", "no-new-func", "no-restricted-syntax", "no-restricted-properties"]);
  const plain = await problems(script(['  eval("1");', '  setTimeout("root.x = 1", 10);', "  root.x = 0;"].join("\n")));
  assert.deepEqual(plain.map((problem) => problem.split(":")[0]), ["no-eval", "no-implied-eval"]);
});

/* Every file under `folder` (a path from the root) whose name passes `keep`. */
function filesUnder(folder, keep) {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true })
    .map((name) => path.join(ROOT, folder, name))
    .filter((file) => fs.statSync(file).isFile() && keep(file));
}

test("every script of the site, and every inline script of the theme, is linted as a site script", async () => {
  const vendored = path.join(ROOT, "docs", "javascripts", "vendor");
  const scripts = filesUnder("docs/javascripts", (file) => file.endsWith(".js") && !file.startsWith(vendored));
  const inline = filesUnder("overrides", (file) => file.endsWith(".html") && /<script>/.test(fs.readFileSync(file, "utf8")));
  assert.ok(scripts.some((file) => file.endsWith("course.js")), `found ${scripts}`);
  for (const file of [...scripts, ...inline]) {
    assert.equal(await eslint.isPathIgnored(file), false, `${file} is not linted`);
    const config = await eslint.calculateConfigForFile(file);
    assert.equal(config.languageOptions.ecmaVersion, 2017, file);
    for (const rule of ["compat/compat", "max-lines-per-function", "no-eval", "no-restricted-syntax"]) {
      assert.equal(config.rules[rule][0], 2, `${file}: ${rule} is not an error`);
    }
  }
  assert.ok(await eslint.isPathIgnored(path.join(vendored, "iframe-worker-shim.js")));
});
