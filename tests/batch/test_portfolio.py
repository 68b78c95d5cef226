"""onepercent-validate across a client's years, end to end, without an office (issue 12).

Two consecutive years of one NEQ (samples/client-clean.ods for 2025 and a copy moved to 2026
and computed by the office, whose line 75 is not 2025's line 79: portfolio_inputs.py; the
office starts once, for that copy) validated with --reader direct:
  * R-ACT-CARRY-CHAIN on the 2026 file in the text, JSON and HTML reports, and in the CSV and
    JSON summaries; R-S7-CLAIMED-TWICE for the invoices both years list; each file's
    retention date in the reports; the exit status is 1 because of the chain alone (each file
    alone passes);
  * each year validated alone (one shard each), then --merge-summary: the break is found in
    the merge, once, and a merge of the merge does not count it again;
  * --summary and --merge-summary refuse a bad name or path before any work, and a summary
    that is not one, leaving no OUT behind.
Usage: test_portfolio.py --validator PATH --oxt OXT --work FOLDER
"""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import portfolio_inputs  # noqa: E402

FAILURES = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


def run(validator, *arguments, lang="en"):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
    result = subprocess.run([validator, "--reader", "direct", "--quiet", "--lang", lang,
                             *arguments], capture_output=True, text=True, timeout=120, env=env,
                            stdin=subprocess.DEVNULL)
    return result


def rows_by_year(summary):
    return {row["fiscalYear"]: row for row in summary["rows"]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--oxt", required=True, help="onepercent.oxt, to compute the 2026 copy")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    validator = args.validator

    year_2025 = portfolio_inputs.clean_copy(os.path.join(work, "usinage-2025.ods"))
    moved = portfolio_inputs.make_copy(portfolio_inputs.CLEAN,
                                       os.path.join(work, "moved-2026.ods"), year=2026)
    year_2026, = portfolio_inputs.computed_copies(
        args.oxt, work, [(moved, os.path.join(work, "usinage-2026.ods"))])
    os.remove(moved)

    # Each year alone passes: what follows is the chain's doing.
    for path in (year_2025, year_2026):
        alone = run(validator, "--format", "json", path)
        report = json.loads(alone.stdout) if alone.stdout else {"reports": [{}]}
        check(alone.returncode == 0 and report["reports"][0].get("counts", {}).get("errors") == 0,
              "%s alone: exit 0, no error (exit %d, %s)" % (os.path.basename(path),
                                                           alone.returncode, alone.stderr[-300:]))

    # Together: the JSON report, the JSON and CSV summaries.
    report_json = os.path.join(work, "report.json")
    summary_json = os.path.join(work, "summary.json")
    together = run(validator, "--format", "json", "--output", report_json, "--summary",
                   summary_json, year_2026, year_2025)
    check(together.returncode == 1, "together: exit 1 for the chain (%d, %s)"
          % (together.returncode, together.stderr[-300:]))
    with open(report_json, encoding="utf-8") as stream:
        report = json.load(stream)
    by_file = {os.path.basename(r["file"]): r for r in report["reports"]}
    later = by_file["usinage-2026.ods"]
    chain = [f for f in later["findings"] if f["ruleId"] == "R-ACT-CARRY-CHAIN"]
    check(len(chain) == 1 and chain[0]["severity"] == "error"
          and "usinage-2025.ods" in chain[0]["message"]["en"]
          and "$1,250.00" in chain[0]["message"]["en"],
          "JSON report: R-ACT-CARRY-CHAIN on the 2026 file, both values and the 2025 file: %s"
          % [f["message"]["en"] for f in chain])
    check(later["counts"]["errors"] == 1, "JSON report: the chain is the 2026 file's only error")
    twice = [f for f in later["findings"] if f["ruleId"] == "R-S7-CLAIMED-TWICE"]
    check(len(twice) >= 1 and all(f["severity"] == "warning" for f in twice),
          "JSON report: the invoices of both years are R-S7-CLAIMED-TWICE warnings (%d)"
          % len(twice))
    check(not any(f["ruleId"] in ("R-ACT-CARRY-CHAIN", "R-S7-CLAIMED-TWICE")
                  for f in by_file["usinage-2025.ods"]["findings"]),
          "JSON report: nothing across years on the earlier file")
    check(later.get("retentionUntil") == "2032-12-31"
          and by_file["usinage-2025.ods"].get("retentionUntil") == "2031-12-31",
          "JSON report: retentionUntil of each year (31 December of the year + 6)")

    with open(summary_json, encoding="utf-8") as stream:
        summary = json.load(stream)
    check(summary["format"] == "onepercent-portfolio-summary" and summary["formatVersion"] == 1
          and summary["tool"]["name"] == "onepercent-validate" and summary["tool"]["version"],
          "JSON summary: its format and the tool's version")
    rows = rows_by_year(summary)
    check([r["file"] for r in summary["rows"]] == [year_2026, year_2025],
          "JSON summary: one row per file, in the order given")
    check(rows[2026]["verdict"] == "fails" and rows[2026]["counts"]["errors"] == 1
          and [f["ruleId"] for f in rows[2026]["acrossFiles"]].count("R-ACT-CARRY-CHAIN") == 1,
          "JSON summary: the 2026 row fails with R-ACT-CARRY-CHAIN")
    check(rows[2025]["verdict"] == "passes" and rows[2025]["neq"] == "1178543210"
          and rows[2025]["client"] == "Usinage Laurentides inc."
          and rows[2025]["reader"] == "direct" and len(rows[2025]["sha256"]) == 64
          and rows[2025]["retentionUntil"] == "2031-12-31",
          "JSON summary: the 2025 row passes, with its client, NEQ, reader, SHA-256, retention")
    check(abs(rows[2025]["computed"]["contribution"] - 2452.71) < 0.005
          and rows[2025]["computed"]["payroll"] == 2480000
          and rows[2026]["workbook"]["carried_in"] == 1250,
          "JSON summary: the recomputed contribution (2,452.71) and line 75 as the workbook shows")

    # Text report in French, CSV summary.
    text_report = os.path.join(work, "report-fr.txt")
    summary_csv = os.path.join(work, "summary.csv")
    french = run(validator, "--output", text_report, "--summary", summary_csv, year_2025,
                 year_2026, lang="fr")
    with open(text_report, encoding="utf-8") as stream:
        text = stream.read()
    check(french.returncode == 1 and "R-ACT-CARRY-CHAIN" in text
          and "le solde reporté (ligne 75) de 2026, 1 250,00 $" in text,
          "text report in French: R-ACT-CARRY-CHAIN with French amounts")
    check("Conserver les pièces justificatives jusqu'au : 2032-12-31 "
          "(RLRQ, c. D-8.3, r. 3, art. 4)" in text,
          "text report in French: the retention date with its reference")
    with open(summary_csv, encoding="utf-8", newline="") as stream:
        raw = stream.read()
    table = list(csv.DictReader(io.StringIO(raw, newline="")))
    check(raw.startswith("file,client,neq,fiscal_year,") and "\r\n" in raw,
          "CSV summary: a header row, CRLF line ends")
    csv_rows = {row["fiscal_year"]: row for row in table}
    check(len(table) == 2 and csv_rows["2026"]["verdict"] == "fails"
          and csv_rows["2026"]["across_files"] == "R-ACT-CARRY-CHAIN, R-S7-CLAIMED-TWICE (11)"
          and csv_rows["2025"]["contribution"] == "2452.71"
          and csv_rows["2025"]["retention_until"] == "2031-12-31",
          "CSV summary: the 2026 row fails on the chain; amounts with a decimal point: %s"
          % table)

    # HTML report: the retention date.
    html_report = os.path.join(work, "report.html")
    run(validator, "--format", "html", "--output", html_report, year_2025)
    with open(html_report, encoding="utf-8") as stream:
        check("<td>Keep the supporting documents until</td><td>2031-12-31 (CQLR, c. D-8.3, r. 3, "
              "s. 4)</td>" in stream.read(), "HTML report: the retention date")

    # One shard per year, then the merge.
    shard_1 = os.path.join(work, "shard-1.json")
    shard_2 = os.path.join(work, "shard-2.json")
    first = run(validator, "--format", "json", "--output", shard_1 + ".report", "--summary",
                shard_1, year_2025)
    second = run(validator, "--format", "json", "--output", shard_2 + ".report", "--summary",
                 shard_2, year_2026)
    check(first.returncode == 0 and second.returncode == 0,
          "shards: each year alone exits 0 (%d, %d)" % (first.returncode, second.returncode))
    merged_json = os.path.join(work, "portfolio.json")
    merge = subprocess.run([validator, "--merge-summary", merged_json, "--lang", "en", shard_2,
                            shard_1], capture_output=True, text=True, timeout=60)
    check(merge.returncode == 1 and "1 carry-forward chain break(s) found across summaries"
          in merge.stderr, "merge: exit 1, the break found across shards (%d, %s)"
          % (merge.returncode, merge.stderr))
    with open(merged_json, encoding="utf-8") as stream:
        merged = json.load(stream)
    merged_rows = rows_by_year(merged)
    check([r["file"] for r in merged["rows"]] == sorted([year_2025, year_2026])
          and merged_rows[2026]["verdict"] == "fails"
          and [f["ruleId"] for f in merged_rows[2026]["acrossFiles"]] == ["R-ACT-CARRY-CHAIN"]
          and merged_rows[2026]["counts"]["errors"] == 1
          and merged_rows[2025]["verdict"] == "passes",
          "merge: the 2026 row fails on R-ACT-CARRY-CHAIN, rows by file name")
    chain_alone = [f for f in merged_rows[2026]["acrossFiles"]][0]["message"]["en"]
    check(chain_alone == rows[2026]["acrossFiles"][0]["message"]["en"],
          "merge: the same finding as one run over both files")
    again_html = os.path.join(work, "portfolio.html")
    again = subprocess.run([validator, "--merge-summary", again_html, "--quiet", merged_json,
                            summary_json, shard_1], capture_output=True, text=True, timeout=60)
    with open(again_html, encoding="utf-8") as stream:
        page = stream.read()
    check(again.returncode == 1 and again.stderr == ""
          and page.count('data-verdict="fails"') == 1
          and page.count('<li data-rule="R-ACT-CARRY-CHAIN">') == 1,
          "merge of merges (HTML): the break counted once, duplicates dropped")

    # Refusals before any work; OUT not left behind.
    missing_folder = os.path.join(work, "no-such-folder", "summary.csv")
    bad_path = run(validator, "--summary", missing_folder, year_2025)
    check(bad_path.returncode == 2 and "summary.csv" in bad_path.stderr
          and not os.path.exists(missing_folder), "--summary into a missing folder: exit 2")
    bad_name = run(validator, "--summary", os.path.join(work, "summary.txt"), year_2025)
    check(bad_name.returncode == 2 and ".csv, .html or .json" in bad_name.stderr
          and not os.path.exists(os.path.join(work, "summary.txt")),
          "--summary summary.txt: a usage error")
    not_summary = os.path.join(work, "not-a-summary.json")
    with open(not_summary, "w", encoding="utf-8") as stream:
        stream.write('{"rows": [], "rows": []}')
    out = os.path.join(work, "merged-bad.csv")
    refused = subprocess.run([validator, "--merge-summary", out, shard_1, not_summary],
                             capture_output=True, text=True, timeout=60,
                             env=dict(os.environ, LANG="C.UTF-8", LC_ALL=""))
    check(refused.returncode == 2 and "not-a-summary.json" in refused.stderr
          and "already given" in refused.stderr and not os.path.exists(out),
          "--merge-summary of malformed JSON: exit 2, where and why, no OUT (%s)"
          % refused.stderr.strip())
    french_refusal = subprocess.run([validator, "--merge-summary", out, "--lang", "fr",
                                     report_json], capture_output=True, text=True, timeout=60)
    check(french_refusal.returncode == 2
          and "pas un sommaire de portefeuille OnePercent" in french_refusal.stderr,
          "--merge-summary of a report (not a summary), in French: %s"
          % french_refusal.stderr.strip())
    usage = subprocess.run([validator, "--help"], capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, LANG="C.UTF-8", LC_ALL=""))
    check("--summary FILE" in usage.stdout and "--merge-summary OUT" in usage.stdout,
          "--help lists --summary and --merge-summary")

    if FAILURES:
        print("%d check(s) failed" % len(FAILURES))
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
