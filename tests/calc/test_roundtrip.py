#!/usr/bin/python3
"""Round trip of documents using the OnePercent functions through .ods and .xlsx.

For each given .fods: load it, recalculate, remember every sheet's values, errors and
formulas; store it as .ods and as .xlsx (filter "Calc MS Excel 2007 XML") in the work
folder; then

* .ods: reload, recalculate: every value, error and formula must be the same;
* .xlsx: reload: every value must be kept as saved (asserted); what happened to the add-in
  formulas (kept, renamed, lost) and what a recalculation does is printed, not asserted
  beyond that.

    /usr/bin/python3 tests/calc/test_roundtrip.py --oxt build/onepercent.oxt \
        --work build/roundtrip tests/calc/money.fods tests/calc/paragraphs.fods
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (tests run from it)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office  # noqa: E402
from run_fods import error_cells, used_range  # noqa: E402

XLSX_FILTER = "Calc MS Excel 2007 XML"
ODS_FILTER = "calc8"


def snapshot(document):
    """{sheet name: (values, formulas, {(col, row): error code})} read in bulk."""
    result = {}
    sheets = document.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        cells = used_range(sheet)
        errors = {k: v[0] for k, v in error_cells(sheet, cells).items()}
        result[sheet.getName()] = (cells.getDataArray(), cells.getFormulaArray(), errors)
    return result


def same_value(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return a == b


def compare(before, after, label, check_formulas, check_errors=True, limit=10):
    """List of differences (strings)."""
    problems = []
    for name, (values, formulas, errors) in before.items():
        if name not in after:
            problems.append("%s: sheet %s missing" % (label, name))
            continue
        values2, formulas2, errors2 = after[name]
        for row, line in enumerate(values):
            for col, value in enumerate(line):
                other = values2[row][col] if row < len(values2) and col < len(values2[row]) \
                    else None
                if (col, row) in errors:
                    if check_errors and errors2.get((col, row)) != errors[(col, row)]:
                        problems.append("%s: %s row %d col %d error %s became %r / error %s"
                                        % (label, name, row + 1, col + 1, errors[(col, row)],
                                           other, errors2.get((col, row))))
                    continue
                if not same_value(value, other):
                    problems.append("%s: %s row %d col %d value %r became %r"
                                    % (label, name, row + 1, col + 1, value, other))
                if check_formulas:
                    formula = formulas[row][col]
                    formula2 = formulas2[row][col] if row < len(formulas2) and \
                        col < len(formulas2[row]) else ""
                    if formula != formula2:
                        problems.append("%s: %s row %d col %d formula %r became %r"
                                        % (label, name, row + 1, col + 1, formula, formula2))
    if len(problems) > limit:
        problems = problems[:limit] + ["... and %d more" % (len(problems) - limit)]
    return problems


def addin_formulas(snap):
    """[(sheet, row, col, formula)] of the cells calling the add-in."""
    found = []
    for name, (_, formulas, _) in snap.items():
        for row, line in enumerate(formulas):
            for col, formula in enumerate(line):
                if formula.startswith("=") and ("ONEPERCENT" in formula.upper() or
                                                "TRAINING." in formula.upper()):
                    found.append((name, row, col, formula))
    return found


def run_one(the_office, path, work):
    base = os.path.splitext(os.path.basename(path))[0]
    ods = os.path.join(work, base + ".roundtrip.ods")
    xlsx = os.path.join(work, base + ".roundtrip.xlsx")
    ok = True
    document = the_office.load(path, hidden=True)
    try:
        document.calculateAll()
        original = snapshot(document)
        document.storeToURL(office.file_url(ods), office.props(FilterName=ODS_FILTER))
        document.storeToURL(office.file_url(xlsx), office.props(FilterName=XLSX_FILTER))
    finally:
        office.close_document(document)
    calls = addin_formulas(original)
    print("%s: %d cells call the add-in; stored %s and %s" % (
        os.path.basename(path), len(calls), os.path.basename(ods), os.path.basename(xlsx)))

    document = the_office.load(ods, hidden=True)
    try:
        document.calculateAll()
        problems = compare(original, snapshot(document), "ods", check_formulas=True)
    finally:
        office.close_document(document)
    for line in problems:
        print("  FAIL " + line)
    print("  %s .ods reloaded and recalculated: values, errors and formulas %s"
          % ("ok  " if not problems else "FAIL", "identical" if not problems else "differ"))
    ok = ok and not problems

    document = the_office.load(xlsx, hidden=True)
    try:
        loaded = snapshot(document)
        problems = compare(original, loaded, "xlsx", check_formulas=False)
        for line in problems:
            print("  FAIL " + line)
        print("  %s .xlsx reloaded without recalculation: values %s"
              % ("ok  " if not problems else "FAIL", "kept" if not problems else "changed"))
        ok = ok and not problems
        # Record what became of the add-in formulas.
        kept = renamed = lost = 0
        examples = []
        for name, row, col, formula in calls:
            formula2 = loaded[name][1][row][col]
            if formula2 == formula:
                kept += 1
            elif formula2.startswith("="):
                renamed += 1
            else:
                lost += 1
            if len(examples) < 4:
                examples.append("%s!R%dC%d %s  ->  %s" % (name, row + 1, col + 1, formula,
                                                           formula2 or "(value only)"))
        print("  note .xlsx add-in formulas: %d identical, %d changed, %d lost (value only)"
              % (kept, renamed, lost))
        for line in examples:
            print("       " + line)
        document.calculateAll()
        after = snapshot(document)
        changed = compare(original, after, "xlsx+recalc", check_formulas=False, limit=10**9)
        print("  note .xlsx after calculateAll: %d cells differ from the original%s"
              % (len(changed), (", e.g. " + changed[0]) if changed else ""))
    finally:
        office.close_document(document)
    return ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("documents", nargs="+", help=".fods documents using the add-in")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    output = os.path.join(os.path.abspath(args.work), "files")
    os.makedirs(output, exist_ok=True)
    ok = True
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            for path in args.documents:
                ok = run_one(the_office, path, output) and ok
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    print("round trip: %s" % ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
