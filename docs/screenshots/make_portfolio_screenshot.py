"""docs/screenshots/portfolio-summary.png: the portfolio summary page (issue 12) in Chromium.

A small firm's season: the committed clean sample (2025) and its 2026 (whose line 75 does not
follow: R-ACT-CARRY-CHAIN), three other clients made from it with their own name, NEQ and
payroll, and the planted sample under another name; the office (with the extension, in a
throwaway profile under --work) computes the copies once; onepercent-validate --reader direct
--summary writes the page; headless Chromium takes it at 1280x800, sorted by contribution.
Usage: /usr/bin/python3 docs/screenshots/make_portfolio_screenshot.py \\
           --validator build/dialogs/batch/onepercent-validate --oxt build/onepercent.oxt \\
           --work build/portfolio-screenshot [--lang en] [--out docs/screenshots/portfolio-summary.png]
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "batch"))
import portfolio_inputs  # noqa: E402
from test_summary_browser import Browser  # noqa: E402

CLIENTS = [  # file, name, NEQ, payroll
    ("boreal-2025.ods", "Boulangerie Boréal inc.", "2233445566", 3_650_000),
    ("nordique-2025.ods", "Transport Nordique ltée", "3344556677", 6_200_000),
    ("sainte-foy-2025.ods", "Clinique dentaire Sainte-Foy", "4455667788", 1_900_000),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    parser.add_argument("--out", default=os.path.join(HERE, "portfolio-summary.png"))
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    inputs = os.path.join(work, "clients")
    moved = os.path.join(work, "moved")
    os.makedirs(inputs)
    os.makedirs(moved)

    files = [portfolio_inputs.clean_copy(os.path.join(inputs, "usinage-2025.ods"))]
    pairs = [(portfolio_inputs.make_copy(portfolio_inputs.CLEAN,
                                         os.path.join(moved, "usinage-2026.ods"), year=2026),
              os.path.join(inputs, "usinage-2026.ods"))]
    for name, employer, neq, payroll in CLIENTS:
        pairs.append((portfolio_inputs.make_copy(portfolio_inputs.CLEAN,
                                                 os.path.join(moved, name), name=employer,
                                                 neq=neq, payroll=payroll),
                      os.path.join(inputs, name)))
    files += portfolio_inputs.computed_copies(args.oxt, work, pairs)
    files.append(portfolio_inputs.make_copy(portfolio_inputs.PLANTED,
                                            os.path.join(inputs, "acme-2025.ods"),
                                            name="Atelier Acme enr."))
    page = os.path.join(work, "portfolio.html")
    result = subprocess.run([args.validator, "--reader", "direct", "--quiet", "--lang", args.lang,
                             "--output", os.path.join(work, "report.txt"), "--summary", page,
                             *files], capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1):
        sys.exit("onepercent-validate failed (%d): %s" % (result.returncode, result.stderr))
    browser = Browser(shutil.which("chromium") or "chromium", work)
    browser.run(page, "sort=contribution:desc",
                extra=("--screenshot=" + os.path.abspath(args.out), "--window-size=1280,800",
                       "--hide-scrollbars"))
    print("wrote %s (page: %s)" % (args.out, page))


if __name__ == "__main__":
    main()
