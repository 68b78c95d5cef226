#!/usr/bin/python3
"""The validator reads both flavours of the template with the same rules (issue 8).

Generates the planted sample (samples/template/gen_workbook.py --fill planted --rows 200) in
the linked and the portable flavour, English and French, under --work; a headless office
(throwaway profile under --work, the extension installed, ended by its process group)
computes each and stores it as .ods, and writes three changed copies:
  * a portable copy whose Law sheet has one rate of the fiscal year changed;
  * a linked and a portable copy with a participation row typed on row 203, below the
    200 prepared rows the Summary counts.
Then onepercent-validate reads the .fods with --reader office and the .ods with --reader
direct, and the test checks:
  * the linked and the portable flavour give the same rule ids at the same locations, for
    each language and each reader (every difference is printed);
  * the English planted findings are those of the committed samples/client-planted.findings.tsv;
  * the reports say the flavour; no T-LAW-TABLE-CHANGED on an untouched portable file;
  * the changed rate is one T-LAW-TABLE-CHANGED on its cell, beside the R-S7-CONTRIBUTIONS
    of the contributions it makes wrong;
  * row 203 is one T-ROW-NOT-COUNTED on Participation!A203 in both flavours, and no finding
    else on that row.
Prints "N passed, N failed"; exits 1 on any failure.

    test_flavour_findings.py --validator PATH --oxt OXT --law-tables JSON --work FOLDER
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(ROOT, "samples", "template", "gen_workbook.py")
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
from checklib import check, finish  # noqa: E402
EXPECTED = os.path.join(ROOT, "samples", "client-planted.findings.tsv")
# Rules across the files of one run (R-S7-CLAIMED-TWICE, R-ACT-CARRY-CHAIN): the copies of one
# employer in one folder would give them; each file's own findings are compared.
ACROSS_FILES = {"R-S7-CLAIMED-TWICE", "R-ACT-CARRY-CHAIN"}



def findings_of(report):
    return collections.Counter((f["ruleId"], f["location"]) for f in report["findings"]
                               if f["ruleId"] not in ACROSS_FILES)


def expected_findings():
    expected = collections.Counter()
    with open(EXPECTED, encoding="utf-8") as file:
        for line in file:
            if not line.strip() or line.startswith("rule_id"):
                continue
            fields = line.rstrip("\n").split("\t")
            expected[(fields[0], fields[1] if len(fields) > 1 else "")] += 1
    return expected


def difference(left, right, left_name, right_name):
    """Every (rule, location) that one side has more often than the other."""
    lines = []
    for key in sorted(set(left) | set(right)):
        if left[key] != right[key]:
            lines.append("  %s %s: %s %d, %s %d" % (key[0], key[1] or "(file)", left_name,
                                                    left[key], right_name, right[key]))
    return "\n".join(lines)


def generate(work, law_tables):
    files = {}
    for lang in ("en", "fr"):
        for flavour in ("linked", "portable"):
            out = os.path.join(work, "planted-%s-%s.fods" % (lang, flavour))
            subprocess.run([sys.executable, GEN, "--law-tables", law_tables, "--lang", lang,
                            "--fill", "planted", "--rows", "200", "--flavour", flavour,
                            "--out", out], check=True, timeout=300,
                           env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
            files[(lang, flavour)] = out
    return files


def law_cell(law_tables, lang, year):
    """(row, column) zero-based of the QPP rate of `year` on the Law sheet, and its value."""
    with open(law_tables, encoding="utf-8") as file:
        sheet = json.load(file)["law_sheet"][lang]
    block = [b for b in sheet["blocks"] if b["key"] == "rates"][0]
    for row in range(block["first_row"], block["first_row"] + block["rows"]):
        if sheet["rows"][row][0] == year:
            return row, 1, sheet["rows"][row][1]
    raise ValueError("no rates row for %d" % year)


def compute(args, work, files):
    """The office computes each file and stores it as .ods; the changed copies too."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
    import office  # python3-uno: only here

    computed = {}
    row, column, rate = law_cell(args.law_tables, "en", 2025)
    with office.Office(os.path.join(work, "office"), locale="en-US", timeout=120,
                       deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)

        def store(document, target):
            document.calculateAll()
            document.storeToURL(office.file_url(target),
                                office.props(FilterName="calc8", Overwrite=True))
            return target

        for key, source in files.items():
            document = the_office.load(source, hidden=True, read_only=True)
            try:
                computed[key] = store(document, source[:-5] + ".ods")
                if key[0] != "en":
                    continue
                sheets = document.getSheets()
                if key[1] == "portable":
                    law = sheets.getByName("Law")
                    law.unprotect("")
                    law.getCellByPosition(column, row).setValue(rate + 0.001)
                    law.protect("")
                    computed[key + ("law",)] = store(document, source[:-5] + "-law.ods")
                    law.unprotect("")
                    law.getCellByPosition(column, row).setValue(rate)
                    law.protect("")
                participation = sheets.getByName("Participation")
                participation.unprotect("")
                # Row 203 (zero-based 202): an employee and an activity of the sample.
                for input_column in range(3):  # employee, activity, role of row 2
                    participation.getCellByPosition(input_column, 202).setFormula(
                        participation.getCellByPosition(input_column, 1).getFormula())
                participation.getCellByPosition(3, 202).setValue(7.0)  # hours
                participation.protect("")
                computed[key + ("row203",)] = store(document, source[:-5] + "-row203.ods")
            finally:
                office.close_document(document)
    shutil.rmtree(os.path.join(work, "office"), ignore_errors=True)
    return computed, "Law!" + cell_name(row, column)


def cell_name(row, column):
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return "%s%d" % (letters, row + 1)


def validate(args, reader, paths):
    command = [args.validator, "--quiet", "--format", "json", "--reader", reader]
    if reader == "office":
        command += ["--extension", args.oxt]
    result = subprocess.run(command + list(paths), capture_output=True, timeout=args.deadline)
    if result.returncode not in (0, 1):
        raise RuntimeError("onepercent-validate exited %d: %s"
                           % (result.returncode, result.stderr.decode("utf-8")[-2000:]))
    reports = json.loads(result.stdout.decode("utf-8"))["reports"]
    return {report["file"]: report for report in reports}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--law-tables", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--deadline", type=int, default=800)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)

    files = generate(work, args.law_tables)
    computed, law_location = compute(args, work, files)
    by_office = validate(args, "office", list(files.values()))
    by_direct = validate(args, "direct", list(computed.values()))

    expected = expected_findings()
    for reader, reports, paths in (("office", by_office, files), ("direct", by_direct, computed)):
        for lang in ("en", "fr"):
            linked = reports[paths[(lang, "linked")]]
            portable = reports[paths[(lang, "portable")]]
            what = "%s, --reader %s" % (lang, reader)
            check(linked["readable"] and portable["readable"], what + ": both files read",
                  "%s / %s" % (linked["readError"], portable["readError"]))
            check(linked.get("flavour") == "linked" and portable.get("flavour") == "portable",
                  what + ": the reports say the flavour",
                  "%r / %r" % (linked.get("flavour"), portable.get("flavour")))
            left, right = findings_of(linked), findings_of(portable)
            check(left == right and sum(left.values()) > 0,
                  what + ": the same %d findings (rule, location) in both flavours"
                  % sum(left.values()), "\n" + difference(left, right, "linked", "portable"))
            check(not any(rule == "T-LAW-TABLE-CHANGED" for rule, _ in right),
                  what + ": no T-LAW-TABLE-CHANGED on the generated portable file")
            if lang == "en":
                check(left == expected, what + ": the planted findings of the samples",
                      "\n" + difference(left, expected, "found", "expected"))

    # The workbook computes with the changed rate: its contributions are wrong, which the
    # engine's recomputation finds too (R-S7-CONTRIBUTIONS); the cause is on the Law sheet.
    base = findings_of(by_direct[computed[("en", "portable")]])
    changed = findings_of(by_direct[computed[("en", "portable", "law")]])
    extra = changed - base
    law = collections.Counter({key: n for key, n in extra.items()
                               if key[0] == "T-LAW-TABLE-CHANGED"})
    others = {key[0] for key in extra} - {"T-LAW-TABLE-CHANGED"}
    check(law == collections.Counter({("T-LAW-TABLE-CHANGED", law_location): 1})
          and others == {"R-S7-CONTRIBUTIONS"} and not (base - changed),
          "a changed QPP rate of the year on the Law sheet is one T-LAW-TABLE-CHANGED on %s "
          "(and the wrong contributions it gives: %d R-S7-CONTRIBUTIONS)"
          % (law_location,
             sum(n for key, n in extra.items() if key[0] == "R-S7-CONTRIBUTIONS")),
          "\n" + difference(changed, base, "changed", "generated"))
    for flavour in ("linked", "portable"):
        base = findings_of(by_direct[computed[("en", flavour)]])
        typed = findings_of(by_direct[computed[("en", flavour, "row203")]])
        check(typed - base == collections.Counter({("T-ROW-NOT-COUNTED",
                                                    "Participation!A203"): 1})
              and not (base - typed),
              "%s: a row typed on row 203 of 200 prepared rows is one T-ROW-NOT-COUNTED"
              % flavour, "\n" + difference(typed, base, "row 203", "generated"))

    return finish()


if __name__ == "__main__":
    sys.exit(main())
