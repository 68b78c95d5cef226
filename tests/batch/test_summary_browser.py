"""The portfolio summary page in a real headless browser (Debian's chromium), issue 12.

onepercent-validate --reader direct --summary page.html over four workbooks (two years of one
client whose carry-forward chain breaks, a client with a hostile name, the planted sample),
then Chromium loads the page with states in the URL's fragment and dumps the DOM:
  * the page's script runs under its Content-Security-Policy (body data-ready="true") and the
    browser logs no console message at all (no "Uncaught", no CSP refusal);
  * #sort=contribution:desc orders the rows by contribution, empty ones last, and marks the
    header aria-sort="descending"; #sort=client:asc by name;
  * #filter=... hides the rows that do not match (accents and case ignored), #verdict=fails
    those that do not fail, and both together with a sort;
  * the hostile client name is text in the DOM, and an inline script added to the page is
    refused by the policy (the test of the policy);
  * a page that throws is caught by the console check (the test of the check);
  * the French page shows French amounts.
With --screenshot PNG it also writes the page as the README shows it (1280x800).
Every browser runs in its own session with a profile, HOME and TMPDIR under --work, and is
ended by its own process group id when it outlives its deadline.
Usage: test_summary_browser.py --validator PATH --work FOLDER [--browser chromium]
"""
import argparse
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import portfolio_inputs  # noqa: E402

FAILURES = []
HOSTILE_NAME = 'Boulangerie Éclair <script>alert("x")</script> & fils'


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


class Browser:
    def __init__(self, executable, work):
        self.executable = executable
        self.work = work
        self.runs = 0

    def run(self, page, fragment="", extra=(), timeout=60):
        """(dumped DOM or "", stderr) of one headless run on file://page#fragment."""
        self.runs += 1
        home = os.path.join(self.work, "browser-home")
        profile = os.path.join(self.work, "browser-profile-%d" % self.runs)
        tmp = os.path.join(self.work, "browser-tmp")
        for folder in (home, tmp):
            os.makedirs(folder, exist_ok=True)
        url = "file://" + urllib.parse.quote(os.path.abspath(page))
        if fragment:
            url += "#" + fragment
        # TMPDIR relative to the browser's working folder (self.work): Chromium binds its
        # singleton socket under TMPDIR and stops ("Socket path too long") when that path
        # passes the 107 bytes of a Unix socket address, as it does in a deep build folder.
        env = dict(os.environ, HOME=home, TMPDIR=os.path.relpath(tmp, self.work),
                   XDG_CONFIG_HOME=home,
                   XDG_CACHE_HOME=home, LANG="C.UTF-8")
        env.pop("DISPLAY", None)
        command = [self.executable, "--headless", "--no-sandbox", "--disable-gpu",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                   "--disable-background-networking", "--disable-component-update",
                   "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                   *extra, url]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True, env=env,
                                   cwd=self.work)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop(process)
            out, err = process.communicate()
            check(False, "chromium ended within %d s on %s" % (timeout, url))
        finally:
            self.stop(process)
            shutil.rmtree(profile, ignore_errors=True)
        return out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    @staticmethod
    def stop(process):
        """Its own group (it was started in a new session), by the id we started."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
            except (ProcessLookupError, PermissionError):
                return
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                continue
        return


def console_lines(stderr):
    """What the page said on the console: Chromium logs each message as a CONSOLE line."""
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line or "Uncaught" in line or "Content Security Policy" in line]


def rows_of(dom):
    """(file, verdict, hidden, {column: data-v}) of each body row, in the DOM's order."""
    body = dom[dom.index("<tbody>"):dom.index("</tbody>")]
    heads = re.findall(r'<th scope="col" data-key="([^"]+)"', dom)
    rows = []
    for match in re.finditer(r"<tr([^>]*)>(.*?)</tr>", body, re.S):
        attributes, cells = match.group(1), match.group(2)
        values = [html.unescape(v) for v in re.findall(r'<td[^>]*\bdata-v="([^"]*)"', cells)]
        rows.append({
            "file": html.unescape(re.search(r'data-file="([^"]*)"', attributes).group(1)),
            "verdict": re.search(r'data-verdict="([^"]*)"', attributes).group(1),
            "hidden": re.search(r'\bhidden(="")?', attributes) is not None,
            "values": dict(zip(heads, values)),
        })
    return rows


def visible(rows):
    return [row for row in rows if not row["hidden"]]


def load(browser, page, fragment, what):
    dom, stderr = browser.run(page, fragment, extra=("--dump-dom",))
    if "<tbody>" not in dom:       # the browser did not show the page: say why, stop
        fatal = [line for line in stderr.splitlines() if "FATAL" in line or "ERROR" in line]
        check(False, "%s: the browser shows the page: %s" % (what, fatal[:3] or stderr[-300:]))
        raise SystemExit(1)
    check('data-ready="true"' in dom, "%s: the page's script ran (under its CSP)" % what)
    lines = console_lines(stderr)
    check(not lines, "%s: no console message: %s" % (what, lines[:3]))
    return dom


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--screenshot", help="also write the page as a PNG (for the README)")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if not shutil.which(args.browser):
        print("FAIL  no browser %s (apt-get install chromium)" % args.browser)
        return 1
    browser = Browser(shutil.which(args.browser), work)

    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs)
    files = [
        portfolio_inputs.clean_copy(os.path.join(inputs, "usinage-2025.ods")),
        portfolio_inputs.make_copy(portfolio_inputs.CLEAN, os.path.join(inputs, "usinage-2026.ods"),
                                   year=2026),
        portfolio_inputs.make_copy(portfolio_inputs.CLEAN, os.path.join(inputs, "eclair-2025.ods"),
                                   name=HOSTILE_NAME, neq="2233445566"),
        portfolio_inputs.make_copy(portfolio_inputs.PLANTED, os.path.join(inputs, "acme-2025.ods"),
                                   name="Acme Formation ltée"),
    ]
    pages = {}
    for lang in ("en", "fr"):
        pages[lang] = os.path.join(work, "summary-%s.html" % lang)
        result = subprocess.run([args.validator, "--reader", "direct", "--quiet", "--lang", lang,
                                 "--output", pages[lang] + ".txt", "--summary", pages[lang],
                                 *files],
                                capture_output=True, text=True, timeout=120,
                                stdin=subprocess.DEVNULL)
        check(result.returncode == 1 and os.path.isfile(pages[lang]),
              "onepercent-validate --summary summary-%s.html: exit 1 (%d, %s)"
              % (lang, result.returncode, result.stderr[-300:]))

    page = pages["en"]
    dom = load(browser, page, "", "no fragment")
    rows = rows_of(dom)
    check(len(rows) == 4 and len(visible(rows)) == 4, "no fragment: 4 rows, all shown")
    check("4 of 4 files shown" in dom, "no fragment: '4 of 4 files shown'")
    check(dom.count("<script") == 1, "the DOM holds the page's own script only")
    check(html.escape(HOSTILE_NAME, quote=False) in dom,
          "the hostile client name is text in the DOM")
    by_file = {os.path.basename(row["file"]): row for row in rows}
    check(by_file["usinage-2026.ods"]["verdict"] == "fails"
          and by_file["usinage-2025.ods"]["verdict"] == "passes"
          and by_file["acme-2025.ods"]["verdict"] == "fails",
          "verdicts: the chain breaks 2026, the planted sample fails, 2025 passes")
    check('<li data-rule="R-ACT-CARRY-CHAIN">' in dom, "the chain's finding is listed")
    check('<svg id="chart"' in dom and "<rect" in dom, "the chart is drawn")

    dom = load(browser, page, "sort=contribution:desc", "#sort=contribution:desc")
    amounts = [row["values"]["contribution"] for row in rows_of(dom)]
    known = [float(a) for a in amounts if a]
    check(known == sorted(known, reverse=True) and amounts[len(known):] == [""] * (len(amounts) - len(known)),
          "#sort=contribution:desc: rows by contribution, largest first, empty last: %s" % amounts)
    check(re.search(r'data-key="contribution" data-type="number"[^>]*aria-sort="descending"', dom)
          is not None, "#sort=contribution:desc: the header says aria-sort=descending")

    dom = load(browser, page, "sort=client:asc", "#sort=client:asc")
    names = [row["values"]["client"] for row in rows_of(dom)]
    check([n.split()[0] for n in names] == ["Acme", "Boulangerie", "Usinage", "Usinage"],
          "#sort=client:asc: rows by client name: %s" % names)

    dom = load(browser, page, "filter=" + urllib.parse.quote("ÉCLAIR"), "#filter=ÉCLAIR")
    shown = visible(rows_of(dom))
    check([os.path.basename(r["file"]) for r in shown] == ["eclair-2025.ods"]
          and "1 of 4 files shown" in dom,
          "#filter=ÉCLAIR: only the matching client's row is shown")
    dom = load(browser, page, "filter=eclair", "#filter=eclair (accents and case ignored)")
    check([os.path.basename(r["file"]) for r in visible(rows_of(dom))] == ["eclair-2025.ods"],
          "#filter=eclair: the same row")

    dom = load(browser, page, "verdict=fails", "#verdict=fails")
    check(sorted(os.path.basename(r["file"]) for r in visible(rows_of(dom)))
          == ["acme-2025.ods", "usinage-2026.ods"]
          and all(r["verdict"] == "fails" for r in visible(rows_of(dom))),
          "#verdict=fails: only the failing files are shown")

    dom = load(browser, page, "sort=year:desc&filter=usinage&verdict=passes",
               "#sort=year:desc&filter=usinage&verdict=passes")
    shown = visible(rows_of(dom))
    check([os.path.basename(r["file"]) for r in shown] == ["usinage-2025.ods"],
          "sort, filter and verdict together: %s" % [r["file"] for r in shown])
    order = [os.path.basename(r["file"]) for r in rows_of(dom)]
    check(order.index("usinage-2026.ods") < order.index("usinage-2025.ods"),
          "#sort=year:desc: 2026 before 2025")

    # The policy refuses an inline script that is not the page's own.
    injected = os.path.join(work, "injected.html")
    with open(page, encoding="utf-8") as stream:
        text = stream.read()
    with open(injected, "w", encoding="utf-8") as stream:
        stream.write(text.replace("</body>", "<script>document.body.setAttribute("
                                             "'data-injected','yes')</script></body>"))
    dom, stderr = browser.run(injected, "", extra=("--dump-dom",))
    check('data-injected="yes"' not in dom and 'data-ready="true"' in dom,
          "an inline script added to the page does not run; the page's own does")
    check(any("Content Security Policy" in line for line in stderr.splitlines()),
          "the refusal is logged, so the console check would see it")

    # The console check sees an error (the test of the check).
    broken = os.path.join(work, "broken.html")
    with open(broken, "w", encoding="utf-8") as stream:
        stream.write("<!DOCTYPE html><html><body><script>notDefined();</script></body></html>")
    _, stderr = browser.run(broken, "", extra=("--dump-dom",))
    check(any("Uncaught" in line for line in console_lines(stderr)),
          "a page that throws is seen by the console check: %s" % console_lines(stderr)[:2])

    # French.
    dom = load(browser, pages["fr"], "sort=contribution:desc", "French page")
    check('<html lang="fr">' in dom and "2 452,71 $" in dom and "4 fichiers affichés sur 4" in dom,
          "French page: French amounts (2 452,71 $) and texts")

    if args.screenshot:
        _, stderr = browser.run(page, "sort=contribution:desc",
                                extra=("--screenshot=" + os.path.abspath(args.screenshot),
                                       "--window-size=1280,800", "--hide-scrollbars"))
        check(os.path.isfile(args.screenshot), "screenshot written: %s" % args.screenshot)

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("all checks passed (%d browser runs)" % browser.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
