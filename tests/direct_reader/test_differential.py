#!/usr/bin/python3
"""Differential test of the direct reader against the office.

Every workbook with stored results (the committed samples and the workbooks of samples/,
tests/ and bench/, the samples and a small benchmark workbook computed and stored by the
office as .ods, .fods and .xlsx, the torture and hand-made files of make_inputs.py) is read
twice: by the office (office_model.py mirrors the UNO reader) and by the direct reader
(onepercent-direct-dump). For a file the direct reader reads without advice (written by
LibreOffice, nothing the office recomputes differently), the two models must be equal cell for
cell; with --validator, onepercent-validate --reader direct and --reader office must give the
same findings, figures and checks. A file made to disagree (a stored add-in result changed: the
office recomputes it) must be caught by both comparisons: the test of the test.

Prints "N passed, N failed" and exits 1 on any failure.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, HERE)

import office  # noqa: E402
import office_model  # noqa: E402
import make_inputs  # noqa: E402

from checklib import check, finish  # noqa: E402


def repository_workbooks():
    """The workbooks committed under samples/, tests/ and bench/."""
    found = []
    for folder in ("samples", "tests", "bench"):
        for base, _, names in os.walk(os.path.join(ROOT, folder)):
            for name in sorted(names):
                if os.path.splitext(name)[1].lower() in (".ods", ".ots", ".fods", ".xlsx",
                                                         ".xlsm") and not name.startswith(".~lock"):
                    found.append(os.path.join(base, name))
    return sorted(found)


def direct_models(dump, paths):
    result = subprocess.run([dump] + paths, capture_output=True, timeout=600)
    models = json.loads(result.stdout.decode("utf-8"))
    return {model["file"]: model for model in models}


def validate(args, work, reader, paths):
    command = [args.validator, "--extension", args.oxt, "--work",
               os.path.join(work, "validator-" + reader), "--quiet", "--format", "json",
               "--reader", reader] + paths
    result = subprocess.run(command, capture_output=True, timeout=1500)
    reports = json.loads(result.stdout.decode("utf-8"))["reports"] if result.stdout else []
    return {report["file"]: report for report in reports}


def comparable(report, full=True):
    """What both readers must agree on: the verdict, the figures, the checks and the findings
    (with their values and messages when `full`)."""
    keys = ("ruleId", "severity", "location") + (("value", "message", "fix") if full else ())
    return {"readable": report.get("readable"), "isTemplate": report.get("isTemplate"),
            "verdict": report.get("verdict"), "figures": report.get("figures"),
            "checks": report.get("checks") if full else None,
            "findings": sorted(json.dumps([f.get(k) for k in keys], sort_keys=True)
                               for f in report.get("findings", []))}


def compare_findings(args, work, paths, direct, disagree):
    """onepercent-validate --reader direct and --reader office on the same files."""
    by_direct = validate(args, work, "direct", paths)
    by_office = validate(args, work, "office", paths)
    compared = 0
    for path in paths:
        name = os.path.relpath(path, ROOT) if path.startswith(ROOT) else os.path.relpath(path, work)
        a, b = by_direct.get(path), by_office.get(path)
        if not check(a is not None and b is not None, "%s: both readers report it" % name):
            continue
        check(a.get("reader") == "direct" and b.get("reader") == "office",
              "%s: each report names its reader" % name, "%s / %s" % (a.get("reader"),
                                                                    b.get("reader")))
        advice = direct[path]["advice"]
        same = comparable(a, not advice) == comparable(b, not advice)
        if path == disagree:
            check(not same, "the file made to disagree gives other findings (%s)" % name)
            continue
        detail = json.dumps({"direct": comparable(a), "office": comparable(b)})[:1500]
        if advice and not same:
            print("note %s: the readers' findings differ, expected: %s\n  %s" % (
                name, advice, detail[:600]))
            continue
        compared += 1
        check(same, "%s: the same findings, figures and checks through both readers%s" % (
            name, " (rule and place: %s)" % advice if advice else ""), detail)
    check(compared >= 8, "at least 8 files compared finding by finding", "%d" % compared)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--dump", required=True, help="onepercent-direct-dump")
    parser.add_argument("--template", required=True, help="onepercent-template-en.ots")
    parser.add_argument("--validator", help="onepercent-validate: also compare the findings")
    parser.add_argument("--skip-made", action="store_true",
                        help="reuse the files made by an earlier run under --work")
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    made = os.path.join(work, "inputs")

    with office.Office(os.path.join(work, "office"), locale="en-US", timeout=args.timeout,
                       deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        if args.skip_made and os.path.isdir(made):
            inputs = sorted(os.path.join(made, name) for name in os.listdir(made)
                            if not name.startswith(("disagree", "hand")))
            inputs += make_inputs.hand_made(made)
        else:
            inputs = make_inputs.office_copies(the_office, made, os.path.join(ROOT, "samples"))
            inputs += make_inputs.small_bench(the_office, made, args.template)
            inputs += make_inputs.torture_documents(the_office, made)
            inputs += make_inputs.hand_made(made)
        for path in make_inputs.protected(the_office, os.path.join(work, "protected")):
            model = direct_models(args.dump, [path])[path]
            check(model["status"] == "needs_office" and "encrypted" in model["reason"],
                  "%s (password-protected by the office) is left to the office" %
                  os.path.basename(path), "%s: %s" % (model["status"], model["reason"]))
        disagree = make_inputs.disagreeing(os.path.join(made, "client-clean.ods"),
                                           os.path.join(made, "disagree-hourly-rate.ods"))
        inputs = repository_workbooks() + inputs + [disagree]
        direct = direct_models(args.dump, inputs)
        offices = {}
        for path in inputs:
            if direct[path]["status"] != "read":
                continue
            document = the_office.load(path, hidden=True, read_only=True)
            try:
                offices[path] = office_model.workbook_model(document, path)
            finally:
                office.close_document(document)

    compared = 0
    for path in inputs:
        name = os.path.relpath(path, ROOT) if path.startswith(ROOT) else os.path.relpath(path, work)
        model = direct[path]
        if model["status"] != "read":
            print("skip %s: %s (%s)" % (name, model["status"], model["reason"]))
            continue
        found = office_model.differences(offices[path], model)
        if path == disagree:
            check(found, "the file made to disagree is caught (%s)" % name)
            continue
        if model["advice"]:
            print("note %s: %d difference(s), expected: %s%s" % (
                name, len(found), model["advice"], "".join("\n  " + line for line in found[:20])))
            continue
        compared += 1
        check(not found, "%s: the direct reader's model equals the office's" % name,
              "\n".join(found))
    check(compared >= 10, "at least 10 workbooks compared cell by cell", "%d" % compared)
    if args.validator:
        compare_findings(args, work, [p for p in inputs if direct[p]["status"] == "read"],
                         direct, disagree)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
