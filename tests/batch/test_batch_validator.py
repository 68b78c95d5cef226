#!/usr/bin/python3
"""End-to-end test of onepercent-validate in a real headless office.

Builds a folder of client files under --work (the two samples as .fods and .xlsx, a
spreadsheet that is not a OnePercent workbook, a corrupt file, an empty file and a
password-protected file) and checks:
  - the clean sample gives no finding, in .fods and .xlsx (exit 0 on its own);
  - the planted sample gives exactly the findings of samples/client-planted.findings.tsv,
    in .fods and .xlsx;
  - the non-template file gives T-NOT-TEMPLATE; the corrupt, empty and protected files are
    reported unreadable and the run goes on (exit 2);
  - --jobs 2 gives the same reports as --jobs 1; SARIF 2.1.0 and French text outputs;
  - bad usage exits 2;
  - a file that keeps the office busy past --timeout gets the office killed and restarted,
    and the next file is validated;
  - every validated file is byte-identical afterwards and no file appeared beside them.
Prints "N passed, N failed" and exits 1 on any failure.
"""
import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
import office  # noqa: E402

from checklib import check, finish  # noqa: E402


def sha256(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def expected_findings(tsv_path):
    expected = collections.Counter()
    with open(tsv_path, encoding="utf-8") as file:
        for line in file:
            if not line.strip() or line.startswith("rule_id"):
                continue
            fields = line.rstrip("\n").split("\t")
            expected[(fields[0], fields[1] if len(fields) > 1 else "")] += 1
    return expected


# Rules checked across the files of one run (issue 12): the clean and planted samples share
# supporting documents, so their copies in one folder give these on the later file.
ACROSS_FILES = {"R-S7-CLAIMED-TWICE", "R-ACT-CARRY-CHAIN"}


def findings_of(report):
    """The file's own findings, as (rule, location) counts."""
    return collections.Counter((f["ruleId"], f["location"]) for f in report["findings"]
                               if f["ruleId"] not in ACROSS_FILES)


def make_inputs(args, inputs):
    """The client folder: the samples as committed, and files that must fail."""
    os.makedirs(inputs, exist_ok=True)
    # The committed samples, .fods and their .xlsx copies (samples/make_xlsx.py writes those).
    for name in ("client-clean.fods", "client-planted.fods", "client-clean.xlsx",
                 "client-planted.xlsx"):
        with open(os.path.join(ROOT, "samples", name), "rb") as source:
            data = source.read()
        with open(os.path.join(inputs, name), "wb") as target:
            target.write(data)
    with open(os.path.join(inputs, "corrupt.ods"), "wb") as file:
        file.write(b"PK\x03\x04" + bytes(range(256)) * 8)
    open(os.path.join(inputs, "empty.xlsx"), "wb").close()
    with office.Office(os.path.join(args.work, "make-inputs"), locale="en-US") as the_office:
        the_office.install_extension(args.oxt)
        plain = the_office.new_spreadsheet()
        plain.getSheets().getByIndex(0).getCellByPosition(0, 0).setString("Budget 2025")
        plain.getSheets().getByIndex(0).getCellByPosition(1, 0).setValue(1250.0)
        plain.storeToURL(office.file_url(os.path.join(inputs, "not-a-template.ods")),
                         office.props(FilterName="calc8"))
        plain.storeToURL(office.file_url(os.path.join(inputs, "protected.ods")),
                         office.props(FilterName="calc8", Password="secret"))
        office.close_document(plain)


def run(args, *arguments):
    command = [args.validator, "--extension", args.oxt, "--quiet"] + list(arguments)
    result = subprocess.run(command, capture_output=True, timeout=args.timeout)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    inputs = os.path.join(args.work, "clients")
    if os.path.isdir(inputs):
        for name in os.listdir(inputs):
            os.remove(os.path.join(inputs, name))
    make_inputs(args, inputs)
    before = {name: sha256(os.path.join(inputs, name)) for name in os.listdir(inputs)}
    expected = expected_findings(os.path.join(ROOT, "samples", "client-planted.findings.tsv"))
    path = lambda name: os.path.join(inputs, name)  # noqa: E731

    # Bad usage: no office is started for these.
    check(run(args)[0] == 2, "no argument exits 2")
    check(run(args, "--format", "xml", path("client-clean.fods"))[0] == 2, "bad format exits 2")
    check(run(args, "--jobs", "0", path("client-clean.fods"))[0] == 2, "--jobs 0 exits 2")

    # The clean sample alone: exit 0, no finding at all.
    code, out, err = run(args, "--format", "json", path("client-clean.fods"))
    check(code == 0, "clean sample exits 0", "exit %d; %s" % (code, err[-500:]))
    report = json.loads(out)["reports"][0] if out else {"findings": [{"ruleId": "?"}]}
    check(report.get("isTemplate") is True and report["findings"] == [],
          "clean .fods has no finding", str(findings_of(report)))
    check(len(report.get("sha256", "")) == 64 and report["sha256"] == before["client-clean.fods"],
          "report proves the file's SHA-256")
    check(report.get("ruleSetVersion") == "2024.1" and report.get("checks"),
          "report names the rule set and the checks made")

    # The whole folder, two offices side by side.
    code, out, err = run(args, "--format", "json", "--jobs", "2", inputs)
    check(code == 2, "a folder with unreadable files exits 2", "exit %d; %s" % (code, err[-500:]))
    reports = {os.path.basename(r["file"]): r for r in json.loads(out)["reports"]} if out else {}
    check(len(reports) == len(before), "every file of the folder is reported",
          "%s vs %s" % (sorted(reports), sorted(before)))
    for name in ("client-clean.fods", "client-clean.xlsx"):
        report = reports.get(name, {"findings": [{"ruleId": "missing", "location": ""}]})
        check(report.get("readable") and not findings_of(report), "%s has no finding" % name,
              str(findings_of(report)))
    for name in ("client-planted.fods", "client-planted.xlsx"):
        got = findings_of(reports.get(name, {"findings": []}))
        check(got == expected, "%s gives exactly its documented findings" % name,
              "missing %s; unexpected %s" % (dict(expected - got), dict(got - expected)))
    report = reports.get("not-a-template.ods", {"findings": []})
    check([f["ruleId"] for f in report["findings"]] == ["T-NOT-TEMPLATE"],
          "a spreadsheet that is not a template gives T-NOT-TEMPLATE alone")
    for name in ("corrupt.ods", "empty.xlsx", "protected.ods"):
        report = reports.get(name, {})
        check(report.get("readable") is False and report.get("readError"),
              "%s is reported unreadable with a reason" % name, str(report.get("readError")))

    # One office gives the same findings as two.
    code, out, err = run(args, "--format", "json", "--jobs", "1", path("client-planted.fods"),
                         path("not-a-template.ods"))
    check(code == 1, "error findings without unreadable files exit 1", "exit %d" % code)
    single = {os.path.basename(r["file"]): findings_of(r) for r in json.loads(out)["reports"]}
    check(single.get("client-planted.fods") == findings_of(reports.get("client-planted.fods",
                                                                       {"findings": []})),
          "--jobs 1 and --jobs 2 agree")

    # SARIF 2.1.0 and French text.
    code, out, err = run(args, "--format", "sarif", path("client-planted.fods"))
    sarif = json.loads(out) if out else {}
    results = sarif.get("runs", [{}])[0].get("results", [])
    check(sarif.get("version") == "2.1.0" and len(results) == sum(expected.values()),
          "SARIF 2.1.0 with one result per finding", "%d results" % len(results))
    check(all(r["locations"][0].get("logicalLocations") for r in results if r.get("locations")),
          "SARIF results carry logical locations Sheet!C12")
    code, out, err = run(args, "--lang", "fr", path("client-planted.fods"))
    check(code == 1 and "erreur" in out.lower(), "French text report", out[:300])

    # A file that takes longer than --timeout: its office is killed by its process group and
    # restarted; the run goes on. A 25,000-row workbook takes about 4 s to load here.
    slow_folder = os.path.join(args.work, "slow")
    slow = os.path.join(slow_folder, "slow-client.ods")
    if not os.path.isfile(slow):
        # The template of the build the extension comes from (not ROOT/build's, which may be
        # another build's or older).
        template = os.path.join(os.path.dirname(os.path.abspath(args.oxt)), "samples",
                                "template", "onepercent-template-en.ots")
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "make_large_workbook.py"),
                        "--oxt", args.oxt, "--work", os.path.join(slow_folder, "office"),
                        "--template", template,
                        "--out", slow, "--expenses", "25000", "--employees", "2500",
                        "--activities", "250", "--participation", "2500", "--no-check"],
                       check=True, capture_output=True, timeout=args.timeout)
    slow_before = sha256(slow)
    # --reader office: the direct reader (the default, auto) reads this file without an office.
    code, out, err = run(args, "--format", "json", "--reader", "office", "--timeout", "2", slow,
                         path("client-clean.fods"))
    reports = {os.path.basename(r["file"]): r for r in json.loads(out)["reports"]} if out else {}
    report = reports.get("slow-client.ods", {})
    check(code == 2 and report.get("readable") is False and "2 s" in report.get("readError", ""),
          "a file past --timeout is reported, its office killed",
          "exit %d, %s" % (code, report.get("readError")))
    report = reports.get("client-clean.fods", {"findings": [{"ruleId": "missing"}]})
    check(report.get("readable") is True and report["findings"] == [],
          "the next file is validated in the restarted office", str(report.get("readError")))
    check(sha256(slow) == slow_before, "the timed-out file is unchanged")

    # Nothing we read was changed, and nothing appeared beside the files.
    after = {name: sha256(os.path.join(inputs, name)) for name in os.listdir(inputs)}
    check(after == before, "validated files are byte-identical and no file appeared",
          "new: %s" % sorted(set(after) - set(before)))

    return finish()


if __name__ == "__main__":
    sys.exit(main())
