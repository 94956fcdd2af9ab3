#!/usr/bin/env python3
"""Opens an HTML file in headless Chromium and checks it the way a reader would see it.

    browser-check.py HTML_FILE --screenshot PNG [--expect-text TEXT ...]
                     [--expect-selector CSS=COUNT ...] [--width PX] [--timeout SECONDS]

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: the browser
reads commands on fd 3 and writes answers on fd 4, NUL-separated JSON), with the standard library
only. The page is loaded from its file:// URL; then:

- any console error or warning, uncaught exception, or log entry of level error or warning (a
  Content-Security-Policy violation, a failed load) fails the check;
- each --expect-text must be in document.body.innerText, each --expect-selector CSS=COUNT must
  match COUNT elements (the count follows the last `=`);
- in the light and dark colour schemes (prefers-color-scheme emulated) and in print media, every
  element with text of its own must have a contrast of at least 4.5:1 with the background behind
  it; print must not have a dark background nor content clipped by a scrolling box;
- a full-page screenshot of the light page is written to PNG.

Prints a JSON summary on stdout; exits 0 when every check passed, 1 when one failed (the summary's
"failures" say which), 2 when the browser could not be started or did not answer in time.
"""

import argparse
import base64
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MINIMUM_CONTRAST = 4.5

# The contrast of every element with text of its own, against the background painted behind it
# (the ancestors' background colours composited, the canvas white or dark by the colour scheme).
CONTRAST_JS = r"""
(() => {
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const lum = (c) => {
    const v = c.slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  };
  const dark = matchMedia('(prefers-color-scheme: dark)').matches && !matchMedia('print').matches;
  const canvas = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let color = canvas;
    for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i], color);
    return color;
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.className && typeof el.className === 'string') s += '.' + el.className.trim().split(/\s+/).join('.');
    const row = el.closest('[data-procedure]');
    if (row) s = '[data-procedure=' + row.getAttribute('data-procedure') + '] ' + s;
    return s;
  };
  const results = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible') continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const text = lum(over(fg, bg)), back = lum(bg);
    const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
    results.push({ratio: Math.round(ratio * 100) / 100, element: describe(el), text: own.slice(0, 60), color: style.color});
  }
  results.sort((a, b) => a.ratio - b.ratio);
  const page = background(document.body);
  return {checked: results.length, worst: results.slice(0, 5), backgroundLuminance: Math.round(lum(page) * 1000) / 1000};
})()
"""

# Boxes that would cut content off on paper: overflow other than visible, content wider than the box.
CLIPPED_JS = r"""
Array.from(document.querySelectorAll('body *')).filter(el => {
  const s = getComputedStyle(el);
  return (s.overflowX !== 'visible' || s.overflowY !== 'visible') && !el.closest('svg') &&
    (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')).slice(0, 5)
"""


class BrowserError(Exception):
    """The browser could not be started, went away, or did not answer in time."""


class Browser:
    """Headless Chromium on a DevTools pipe: commands out, answers and events in."""

    def __init__(self, deadline, width):
        self.deadline = deadline
        executable = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not executable:
            raise BrowserError("chromium is not installed (scripts/ensure-chromium.sh installs it)")
        self.profile = tempfile.mkdtemp(prefix="browser-check-")
        self.log = open(os.path.join(self.profile, "chromium.log"), "w+b")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # Two pipes took fds 3 and 4 if they were free, so both exist here: pass_fds keeps them
        # open in the child, where they are replaced by the pipe ends Chromium expects.
        high_read, high_write = _dup_high(to_browser_read), _dup_high(from_browser_write)

        def pipes_to_3_and_4():
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self.process = subprocess.Popen(
            [
                executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--mute-audio", "--hide-scrollbars",
                "--window-size=%d,900" % width, "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            pass_fds=(3, 4), preexec_fn=pipes_to_3_and_4, start_new_session=True,
        )
        for fd in (to_browser_read, from_browser_write, high_read, high_write):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        """Ends the browser (killed if it does not close) and removes its profile."""
        try:
            if self.process.poll() is None:
                try:
                    self.send("Browser.close", timeout=5)
                except BrowserError:
                    pass
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            # Its helpers (zygote, renderer) are in the process group it leads: end them too.
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        finally:
            for fd in (self.to_browser, self.from_browser):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.log.close()
            shutil.rmtree(self.profile, ignore_errors=True)

    def log_tail(self):
        """The last lines Chromium printed, for an error message."""
        try:
            self.log.flush()
            self.log.seek(0)
            lines = [line for line in self.log.read().splitlines() if b"dbus" not in line]
            return b"\n".join(lines[-8:]).decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def send(self, method, params=None, session=None, timeout=None):
        """Sends a command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise BrowserError("chromium went away (%s)\n%s" % (error, self.log_tail()))
        answer = self._read_until(lambda m: m.get("id") == self.next_id, method, timeout)
        if "error" in answer:
            raise BrowserError("%s failed: %s" % (method, answer["error"].get("message")))
        return answer.get("result", {})

    def wait_event(self, method, session, timeout=None):
        """Waits for an event (or returns it when it already arrived)."""
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                self.events.remove(event)
                return event
        return self._read_until(lambda m: m.get("method") == method and m.get("sessionId") == session, method, timeout)

    def _read_until(self, wanted, what, timeout):
        end = self.deadline if timeout is None else min(self.deadline, time.monotonic() + timeout)
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if wanted(message):
                    return message
                if "method" in message:
                    self.events.append(message)
            left = end - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for %s\n%s" % (what, self.log_tail()))
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise BrowserError("chromium closed the DevTools pipe while waiting for %s\n%s" % (what, self.log_tail()))
                self.buffer += chunk


def _dup_high(fd):
    """A copy of `fd` numbered 10 or more, so that moving it to 3 or 4 in the child clobbers nothing."""
    import fcntl
    return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)


def problems_in(events):
    """Console errors and warnings, exceptions and log entries of level error or warning."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append({"source": "console." + params["type"], "text": text})
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            found.append({"source": "exception", "text": details.get("exception", {}).get("description") or details.get("text", "")})
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            found.append({"source": "log." + entry.get("source", "?"), "text": entry.get("text", ""), "url": entry.get("url", "")})
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", help="the HTML file to open")
    parser.add_argument("--screenshot", required=True, help="where to write the full-page PNG")
    parser.add_argument("--expect-text", action="append", default=[], metavar="TEXT", help="text the page must show")
    parser.add_argument("--expect-selector", action="append", default=[], metavar="CSS=COUNT", help="a selector and how many elements it matches")
    parser.add_argument("--width", type=int, default=1200, help="the window's width in CSS pixels (default 1200)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before giving up and killing the browser (default 120)")
    options = parser.parse_args()

    path = os.path.abspath(options.html)
    if not os.path.isfile(path):
        print("browser-check: no such file: %s" % options.html, file=sys.stderr)
        return 2
    expectations = []
    for item in options.expect_selector:
        selector, _, count = item.rpartition("=")
        if not selector or not count.isdigit():
            print("browser-check: --expect-selector wants CSS=COUNT, got %r" % item, file=sys.stderr)
            return 2
        expectations.append((selector, int(count)))

    summary = {"file": path, "console": [], "texts": [], "selectors": [], "contrast": {}, "screenshot": None, "failures": []}
    failures = summary["failures"]
    browser = None
    try:
        browser = Browser(time.monotonic() + options.timeout, options.width)
        targets = browser.send("Target.getTargets")["targetInfos"]
        page = next((t for t in targets if t.get("type") == "page"), None)
        target = page["targetId"] if page else browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

        def call(method, params=None):
            return browser.send(method, params, session=session)

        def evaluate(expression):
            result = call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
            if "exceptionDetails" in result:
                raise BrowserError("evaluating in the page failed: %s" % result["exceptionDetails"].get("text"))
            return result["result"].get("value")

        for domain in ("Page", "Runtime", "Log"):
            call(domain + ".enable")
        call("Emulation.setDeviceMetricsOverride", {"width": options.width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        call("Page.navigate", {"url": "file://" + path})
        browser.wait_event("Page.loadEventFired", session)
        evaluate("document.fonts.ready.then(() => true)")

        summary["title"] = evaluate("document.title")
        text = evaluate("document.body.innerText")
        for wanted in options.expect_text:
            found = wanted in text
            summary["texts"].append({"text": wanted, "found": found})
            if not found:
                failures.append("the page does not show %r" % wanted)
        for selector, count in expectations:
            got = evaluate("document.querySelectorAll(%s).length" % json.dumps(selector))
            summary["selectors"].append({"selector": selector, "expected": count, "found": got})
            if got != count:
                failures.append("%s matches %d elements, expected %d" % (selector, got, count))

        rows = "document.querySelectorAll('tr, li, section').length"
        shown = evaluate(rows)
        for name, media, scheme in (("light", "", "light"), ("dark", "", "dark"), ("print", "print", "dark")):
            call("Emulation.setEmulatedMedia", {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            contrast = evaluate(CONTRAST_JS)
            summary["contrast"][name] = contrast
            worst = contrast["worst"]
            if not contrast["checked"] or evaluate(rows) != shown or not evaluate("document.body.innerText.length"):
                failures.append("the page does not render in %s" % name)
            for item in worst:
                if item["ratio"] < MINIMUM_CONTRAST:
                    failures.append("%s: contrast %.2f < %.1f for %s %r" % (name, item["ratio"], MINIMUM_CONTRAST, item["element"], item["text"]))
            if name == "print":
                if contrast["backgroundLuminance"] < 0.8:
                    failures.append("print: the page background is dark (luminance %s)" % contrast["backgroundLuminance"])
                clipped = evaluate(CLIPPED_JS)
                summary["printClipped"] = clipped
                if clipped:
                    failures.append("print: content clipped by %s" % ", ".join(clipped))

        call("Emulation.setEmulatedMedia", {"media": "", "features": [{"name": "prefers-color-scheme", "value": "light"}]})
        size = call("Page.getLayoutMetrics")["cssContentSize"]
        shot = call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": options.width, "height": int(size["height"] + 0.5), "scale": 1},
        })
        os.makedirs(os.path.dirname(os.path.abspath(options.screenshot)), exist_ok=True)
        with open(options.screenshot, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        summary["screenshot"] = {"path": os.path.abspath(options.screenshot), "width": options.width, "height": int(size["height"] + 0.5)}

        # Let late console messages and log entries arrive, then read every event.
        evaluate("new Promise(resolve => setTimeout(() => resolve(true), 100))")
        summary["console"] = problems_in(browser.events)
        for problem in summary["console"]:
            failures.append("%s: %s" % (problem["source"], problem["text"]))
    except BrowserError as error:
        summary["error"] = str(error)
        print(json.dumps(summary, indent=2))
        print("browser-check: %s" % error, file=sys.stderr)
        return 2
    finally:
        if browser:
            browser.close()

    summary["ok"] = not failures
    print(json.dumps(summary, indent=2))
    if failures:
        print("browser-check: %d check(s) failed:\n  %s" % (len(failures), "\n  ".join(failures)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
