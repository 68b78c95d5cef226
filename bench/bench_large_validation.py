#!/usr/bin/python3
"""Validation time of a 300,000-row workbook as a ratio to its bulk read (issue 9, item 4).

The validator's rules must be linear: a rule that scans every row for each row (the
T-ERROR-VALUE check of #N/A paragraph cells did) made 80,000 rows take 2.2 s and 300,000 rows
16 s to validate, while reading them takes a few seconds. This bench makes two workbooks
with bench/make_large_workbook.py (the template filled in bulk in a headless office):

  valid        300,000 expenses, consistent data: no finding;
  no-paragraph the same, but every expense is tuition from an internal provider, so every
               paragraph cell shows #N/A: 300,000 R-S1-NO-PARAGRAPH findings, each cell
               going through the check that was quadratic;

then runs onepercent-validate --reader office --timings on each, --runs times, and prints
the medians of the bulk read (the baseline, measured in the same run) and of the validation,
and their ratio. Long: making the workbooks takes several minutes (kept under --work).

    /usr/bin/python3 bench/bench_large_validation.py --validator build/dialogs/batch/onepercent-validate \\
        --oxt build/onepercent.oxt --work build/bench/large-validation \\
        --template build/samples/template/onepercent-template-en.ots
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))

import office  # noqa: E402
import make_large_workbook  # noqa: E402

COUNTS = {"employees": 5000, "activities": 500, "participation": 5000, "expenses": 300000}


def no_paragraph_data(make_data):
    """make_data, then every activity given by an internal provider and every expense made
    tuition: the template's paragraph formula shows #N/A on every expense row."""
    def made(counts, seed=2025):
        data = make_data(counts, seed)
        for activity in data["activities"]:
            activity["provider_kind"] = "internal"
            activity["arms_length"] = "yes"
        for expense in data["expenses"]:
            expense["expense_kind"] = "tuition"
            expense["registration_cost"] = ""
            expense["nal_wages"] = expense["nal_travel"] = expense["nal_materials"] = ""
        return data
    return made


def ensure_workbook(args, name, variant):
    path = os.path.join(args.work, name + ".ods")
    if os.path.isfile(path):
        return path
    print("making %s (300,000 expenses; several minutes)..." % path, flush=True)
    original = make_large_workbook.make_data
    if variant == "no-paragraph":
        make_large_workbook.make_data = no_paragraph_data(original)
    try:
        with office.Office(os.path.join(args.work, "make-" + name), locale="en-US",
                           timeout=600, deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            make_large_workbook.make_workbook(the_office, args.template, path,
                                              COUNTS,
                                              lambda message: print("  " + message, flush=True))
    finally:
        make_large_workbook.make_data = original
    return path


def validate(args, path):
    """One run: (load, read, validate) seconds from --timings, and the findings by rule."""
    help_text = subprocess.run([args.validator, "--help"], capture_output=True).stdout
    reader = ["--reader", "office"] if b"--reader" in help_text else []
    command = [args.validator, "--extension", args.oxt, "--quiet", "--timings", "--format",
               "json", "--timeout", "3600"] + reader + [path]
    result = subprocess.run(command, capture_output=True, timeout=7200)
    timings = None
    for line in result.stderr.decode("utf-8", "replace").splitlines():
        fields = line.split("\t")
        if len(fields) == 5 and fields[0] == "timings":
            timings = tuple(float(field.split()[1]) for field in fields[2:])
    findings = {}
    try:
        for report in json.loads(result.stdout.decode("utf-8"))["reports"]:
            for finding in report.get("findings", []):
                findings[finding["ruleId"]] = findings.get(finding["ruleId"], 0) + 1
    except (ValueError, KeyError):
        pass
    if timings is None:
        raise RuntimeError("no timings (exit %s): %s" % (result.returncode,
                                                         result.stderr[-2000:]))
    return timings, findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--template", default=make_large_workbook.TEMPLATE,
                        help="the English .ots (build/samples/template/...)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--deadline", type=float, default=3600.0)
    parser.add_argument("--variants", default="valid,no-paragraph")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for variant in args.variants.split(","):
        path = ensure_workbook(args, "large-300k-" + variant, variant)
        loads, reads, validations = [], [], []
        findings = {}
        for run in range(args.runs):
            started = time.monotonic()
            (load, read, validation), findings = validate(args, path)
            print("  %s run %d: load %.2f s, read %.2f s, validate %.2f s (wall %.1f s)"
                  % (variant, run + 1, load, read, validation, time.monotonic() - started),
                  flush=True)
            loads.append(load)
            reads.append(read)
            validations.append(validation)
        read, validation = statistics.median(reads), statistics.median(validations)
        rows.append((variant, statistics.median(loads), read, validation, validation / read,
                     sum(findings.values())))
    print()
    print("| workbook (300,000 expenses) | load s | bulk read s (baseline) | validation s | "
          "validation / read | findings |")
    print("|---|---:|---:|---:|---:|---:|")
    for variant, load, read, validation, ratio, count in rows:
        print("| %s | %.2f | %.2f | %.2f | **%.2f** | %d |"
              % (variant, load, read, validation, ratio, count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
