"""Where the keyboard's focus is, as a sighted keyboard user sees it: in the page, in one pass.

`start(page)` puts a recorder in the page. Each Tab or Shift+Tab the test presses
is seen first by the recorder (a capturing keydown listener), which describes the
element the previous press focused: by then the browser has scrolled it into view,
and any CSS transition it started (a permalink fading in, search opening) is
finished on the spot (an animation that ends, too), so what is measured is what
the reader sees once the page has settled, never a moment in between. Once focus
has left the page (past the last stop, or before the first), the recorder keeps
it out, so a test can press a generous number of times without knowing how many
stops a page has, and reads every description back in one call. After each press
(`press`) the test waits until the page has settled: where the press scrolled the
window, until Material has fitted the page to the new position, a frame later (a
sidebar's height, clear of the footer); otherwise not at all.

What a description says (`problems` turns it into sentences):
- shown: it has a size, is not hidden (visibility, opacity), and is inside the
  window and every box that clips it (all of it, or a strip 24 px each way of a
  bigger one: a text box scrolled into view shows its first line, with the caret);
- not covered: at its centre and near its top, the browser finds it (or what it
  contains) and not something drawn over it; and nothing that stays in place on
  screen (the header, a sidebar's title, the drawer) is drawn over its focus outline;
- not under the sticky header, and, once the page has scrolled, not where
  "Back to top" appears while the reader scrolls up (whether or not it is
  showing at that moment: that depends on how fast the machine is);
- its focus indicator: an outline, in a colour with at least 3:1 contrast
  against what is behind it (WCAG 2.2's non-text contrast), in the light and
  the dark colour scheme alike (switched on the page as Material's toggle does).

A control drawn by something else is judged by what draws it: a radio button
hidden behind its label (the colour scheme's), by the label.
"""

from __future__ import annotations

RECORDER = r"""
() => {
  if (window.__tabStops) return;
  const FIXED = new Set(["fixed", "sticky"]);
  const SCHEMES = ["default", "slate"];
  // Not looked for over a stop: Material's tooltips, which follow the pointer or the focus and
  // stay 250 ms after it leaves (so a pointer can move onto them), so one over the next stop of
  // a quick Tab is gone a moment later; and "Back to top", which Material shows and hides a
  // frame or more after each scroll, so what it covers depends on the machine's speed: where it
  // appears is checked instead, whenever the page has scrolled (underBackToTop).
  const PASSING = ".md-tooltip, .md-tooltip2, .md-top";
  const state = { stops: [], out: false, started: false, first: null, recording: false };
  const numbers = new WeakMap();  // one number per element, the same in every walk (its words can change)
  let counted = 0;
  function numberOf(element) {
    if (!numbers.has(element)) numbers.set(element, ++counted);
    return numbers.get(element);
  }
  window.__tabStops = state;
  state.relayer = () => { layers = null; };

  // Settled after a press: where the press scrolled the window, the browser sends "scroll" in the
  // next frame, and Material fits the page to the new position in that frame's animation callbacks
  // (a sidebar's height, clear of the footer; the header). So the page is looked at once a frame has
  // passed with the window where the press left it; a press that did not scroll waits for nothing.
  let settledAt = scrollY;
  state.settled = () => new Promise((resolve) => {
    if (scrollY === settledAt) return resolve();
    let seen = scrollY;
    const look = () => requestAnimationFrame(() => {
      if (scrollY === seen) { settledAt = seen; resolve(); } else { seen = scrollY; look(); }
    });
    look();
  });

  // Transitions, and animations that end (a slide fading in), jumped to their end.
  function finishTransitions() {
    for (const animation of document.getAnimations()) {
      const ends = animation.effect && animation.effect.getComputedTiming().endTime !== Infinity;
      if (ends && animation.playState !== "finished") animation.finish();
    }
  }

  function describeElement(element) {
    const id = element.id ? "#" + element.id : "";
    const classes = [...element.classList].filter((name) => name !== "focus-visible").slice(0, 2).map((name) => "." + name).join("");
    const words = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("title") || element.value || "")
      .replace(/\s+/g, " ").trim().slice(0, 50);
    return `${element.tagName.toLowerCase()}${id}${classes} "${words}"`;
  }

  // What the reader sees of the control: a radio button or checkbox hidden behind its label is seen as the label.
  function drawnBy(element) {
    const box = element.getBoundingClientRect();
    const next = element.nextElementSibling;
    if (element.tagName === "INPUT" && (box.width < 2 || box.height < 2) && next && next.tagName === "LABEL") return next;
    return element;
  }

  function inFixedLayer(element) {
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      if (FIXED.has(getComputedStyle(node).position)) return true;
    }
    return false;
  }

  function opacity(element) {
    let product = 1;
    for (let node = element; node; node = node.parentElement) product *= parseFloat(getComputedStyle(node).opacity);
    return product;
  }

  // Whether an ancestor contains a box positioned `position`: what it is laid out in, and clipped by.
  function contains(style, position) {
    const transformed = style.transform !== "none" || style.filter !== "none";
    if (position === "fixed") return transformed;
    if (position === "absolute") return transformed || style.position !== "static";
    return true;
  }

  // The part of the box the window and every clipping box it is laid out in let through.
  function visiblePart(element, box) {
    let left = Math.max(box.left, 0), top = Math.max(box.top, 0);
    let right = Math.min(box.right, innerWidth), bottom = Math.min(box.bottom, innerHeight);
    let position = getComputedStyle(element).position;
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (!contains(style, position)) continue;
      position = style.position;
      if (style.overflowX === "visible" && style.overflowY === "visible") continue;
      const clip = node.getBoundingClientRect();
      left = Math.max(left, clip.left); top = Math.max(top, clip.top);
      right = Math.min(right, clip.right); bottom = Math.min(bottom, clip.bottom);
    }
    return [Math.max(0, right - left), Math.max(0, bottom - top)];
  }

  function related(element, found) {
    return !!found && (element === found || element.contains(found) || found.contains(element)
      || (found.tagName === "LABEL" && found.control === element));
  }

  // Looked for at the middle and near the top of its first line (a link that wraps has a box
  // around both lines, with other words in it).
  // What stays in place on screen (the header, a sidebar's title that stays as it scrolls, the
  // drawer and its overlay), found once a walk: one drawn over any of the stop's focus outline
  // hides that part, though the stop's middle be clear (Material's sidebar title overlapped
  // "Overview" by a pixel, and the white shadow around it covered half the word and its ring).
  let layers = null;
  function stayingLayers() {
    if (layers) return layers;
    layers = [];
    for (const node of document.querySelectorAll("body *")) {
      if (FIXED.has(getComputedStyle(node).position) && !node.closest(PASSING)) layers.push(node);
    }
    return layers;
  }

  function outlineBox(element, box) {
    const style = getComputedStyle(element);
    const reach = style.outlineStyle === "none" ? 0 : Math.max(0, parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth));
    return { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
  }

  function stayingLayerOver(element, box) {
    const ring = outlineBox(element, box);
    for (const layer of stayingLayers()) {
      if (layer.contains(element) || element.contains(layer) || !layer.isConnected) continue;
      const style = getComputedStyle(layer);
      if (style.visibility !== "visible" || opacity(layer) < 0.1 || parseInt(style.zIndex, 10) < 0) continue;
      const over = layer.getBoundingClientRect();
      const left = Math.max(over.left, ring.left, 0), right = Math.min(over.right, ring.right, innerWidth);
      const top = Math.max(over.top, ring.top, 0), bottom = Math.min(over.bottom, ring.bottom, innerHeight);
      if (right - left < 1 || bottom - top < 1) continue;
      // Drawn over the ring, or under it? The browser says what is on top where they meet.
      const found = document.elementsFromPoint((left + right) / 2, (top + bottom) / 2).find((node) => !node.closest(PASSING));
      if (found && layer.contains(found)) return describeElement(layer);
    }
    return "";
  }

  function coveredBy(element) {
    const line = element.getClientRects()[0];
    if (!line) return "";
    const x = line.left + line.width / 2;
    const points = [[x, line.top + line.height / 2], [x, line.top + Math.min(3, line.height / 2)]];
    for (const [px, py] of points) {
      if (px < 0 || py < 0 || px >= innerWidth || py >= innerHeight) continue;
      const found = document.elementsFromPoint(px, py).find((node) => !node.closest(PASSING));
      if (!related(element, found)) return found ? describeElement(found) : "nothing";
    }
    return "";
  }

  function rgba(colour) {
    const parts = colour.match(/[\d.]+/g) || ["0", "0", "0", "0"];
    return parts.map(Number).concat(parts.length === 3 ? [1] : []).slice(0, 4);
  }

  function luminance([r, g, b]) {
    const channel = (value) => { value /= 255; return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }

  // The colour behind a node: its own and its ancestors' backgrounds, blended, over white.
  function backdrop(node) {
    const layers = [];
    for (; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) result = [r * a + result[0] * (1 - a), g * a + result[1] * (1 - a), b * a + result[2] * (1 - a)];
    return result;
  }

  function contrast(first, second) {
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  }

  function indicator(element) {
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle === "none" || width < 1) return { outline: "none", contrast: 0 };
    const behind = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    const colour = rgba(style.outlineColor);
    return { outline: `${style.outlineStyle} ${style.outlineColor}`, contrast: contrast(colour, backdrop(behind)) };
  }

  // The indicator in each of Material's colour schemes, switched as its own toggle switches
  // them, with the colours' transitions held still meanwhile (a stylesheet made in script,
  // which the pages' Content-Security-Policy lets through, as it does Material's).
  const still = new CSSStyleSheet();
  still.replaceSync("*, *::before, *::after { transition: none !important; }");
  function indicators(element) {
    const body = document.body;
    const shown = body.getAttribute("data-md-color-scheme");
    const found = {};
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];
    for (const scheme of SCHEMES) {
      body.setAttribute("data-md-color-scheme", scheme);
      found[scheme] = indicator(element);
    }
    body.setAttribute("data-md-color-scheme", shown);
    getComputedStyle(element).outlineColor;  // settled in the scheme shown before the stylesheet goes
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== still);
    return found;
  }

  window.__describeFocus = function () {
    finishTransitions();
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused === document.documentElement) return null;
    const seen = drawnBy(focused);
    const box = seen.getBoundingClientRect();
    const style = getComputedStyle(seen);
    const header = document.querySelector(".md-header");
    const top = document.querySelector(".md-top");
    const fixed = inFixedLayer(seen);
    const headerStays = header && FIXED.has(getComputedStyle(header).position);
    const topBox = top && getComputedStyle(top).display !== "none" && top.getBoundingClientRect();
    return {
      element: describeElement(focused),
      number: numberOf(focused),
      box: [box.left, box.top, box.width, box.height].map(Math.round),
      scrollY: Math.round(scrollY),
      shown: visiblePart(seen, box),
      visibility: style.visibility,
      opacity: opacity(seen),
      coveredBy: coveredBy(seen) || stayingLayerOver(seen, box),
      underHeader: !fixed && headerStays && box.top < header.getBoundingClientRect().bottom - 0.5,
      underBackToTop: !fixed && !!topBox && scrollY > 0 && box.top < topBox.bottom && box.bottom > topBox.top
        && box.left < topBox.right && box.right > topBox.left,
      indicators: indicators(seen),
    };
  };

  // Focus has gone round once when it leaves the page, or (where the browser wraps
  // straight round) comes back to the walk's first stop: from then on it stays put.
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || !state.recording) return;
    const focused = document.activeElement;
    const stop = state.out ? null : window.__describeFocus();
    if (state.out || (state.started && (!stop || focused === state.first))) {
      state.out = true;
      event.preventDefault();
      return;
    }
    if (stop) {
      state.stops.push(stop);
      state.first = state.first || focused;
    }
    state.started = true;
  }, true);
}
"""

# How many presses may be needed: every element that could take focus, and a few more.
CANDIDATES = """() => document.querySelectorAll(
  "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable], pre, .md-typeset__scrollwrap, div"
).length"""


# Waits until the page has settled after the last press (see state.settled), so the recorder, at
# the next press, describes the page as the reader sees it, on a slow machine as on a fast one.
SETTLED = "() => window.__tabStops.settled()"


def start(page) -> None:
    """Record from here: the recorder put in the page if it is not there yet, with nothing recorded."""
    page.evaluate(RECORDER)
    page.evaluate("() => { Object.assign(window.__tabStops, { stops: [], out: false, started: false, first: null, recording: true }); window.__tabStops.relayer(); }")


def stop(page) -> None:
    """Stop recording, and let Tab take the focus out of the page and back in again."""
    page.evaluate("() => { if (window.__tabStops) window.__tabStops.recording = false; }")


def recorded(page) -> list[dict]:
    """The stops the presses since `start` left, each described as it was seen."""
    return page.evaluate("window.__tabStops.stops")


def press(page, key: str) -> None:
    """Press `key`, and wait until the page has settled where the press left it."""
    page.keyboard.press(key)
    page.evaluate(SETTLED)


def focused(page) -> dict | None:
    """The element that has focus now, described as the recorder describes a stop (None: nothing has)."""
    page.evaluate(RECORDER)
    page.evaluate(SETTLED)
    return page.evaluate("window.__describeFocus()")


def walk(page, key: str = "Tab") -> list[dict]:
    """Every stop `key` reaches from where focus is until focus leaves the page, described as it was seen."""
    start(page)
    presses = page.evaluate(CANDIDATES) + 3
    for count in range(presses):
        press(page, key)
        if count % 10 == 9 and page.evaluate("window.__tabStops.out"):  # a look now and then: a press costs more
            break
    return recorded(page)


MINIMUM_CONTRAST = 3.0
# How much of a stop must be in view, across and down, in CSS pixels (all of it, if smaller):
# a text box scrolled into view shows its first line, with the caret; a link shows whole.
SEEN = 24
SCHEME_NAMES = {"default": "light", "slate": "dark"}  # Material's names for the colour schemes
SUBPIXEL = 2  # rounding, and a link's box a pixel taller than the line it is on


def problems(stop: dict, outline: bool = True) -> list[str]:
    """What a keyboard user could not see about one stop, in words; none when all is well.

    `outline=False` for what a script focuses to be read, not used (a slide's heading):
    it must be seen, but needs no focus outline.
    """
    found = []
    width, height = stop["box"][2:]
    shown_width, shown_height = stop["shown"]
    if width < 1 or height < 1:
        found.append("it has no size")
    elif stop["visibility"] != "visible" or stop["opacity"] < 0.1:
        found.append(f"it is not shown (visibility {stop['visibility']}, opacity {stop['opacity']:.2f})")
    elif shown_width < min(width, SEEN) - SUBPIXEL or shown_height < min(height, SEEN) - SUBPIXEL:
        found.append(f"it is outside the window or clipped ({shown_width:.0f} by {shown_height:.0f} px of it shown)")
    if stop["coveredBy"]:
        found.append(f"it is covered by {stop['coveredBy']}")
    if stop["underHeader"]:
        found.append("it is under the sticky header")
    if stop["underBackToTop"]:
        found.append('it is where "Back to top" appears')
    for scheme, drawn in stop["indicators"].items() if outline else ():
        if drawn["outline"] == "none":
            found.append(f"it has no focus outline ({SCHEME_NAMES[scheme]} scheme)")
        elif drawn["contrast"] < MINIMUM_CONTRAST:
            found.append(f"its focus outline ({drawn['outline']}) has contrast {drawn['contrast']:.1f}:1 against what is behind it ({SCHEME_NAMES[scheme]} scheme)")
    return found


def report(stops: list[dict]) -> list[str]:
    """One line per stop with a problem: which element, where, and what is wrong."""
    return [f"{stop['element']} at {stop['box']} (scrolled {stop['scrollY']}): {'; '.join(problems(stop))}" for stop in stops if problems(stop)]
