#!/usr/bin/python3
"""Run self-checking .fods test documents in a real, headless LibreOffice Calc.

In the manner of LibreOffice's sc/qa/unit/functions_test: every document is loaded
hidden and read-only (macros never executed, links never updated), recalculated
with calculateAll(), and every test sheet is read in bulk (getDataArray /
getFormulaArray over the used area).  A sheet is a test sheet when its first row
has the headers "Result", "Expected" and "Correct"; every row below whose Correct
cell holds a formula is a test, which passes when that cell is TRUE.  The first
sheet's B1 (next to "All tests pass") must be TRUE as well.

    /usr/bin/python3 tests/calc/run_fods.py --oxt build/onepercent.oxt \
        --work build/tests/calc/functions tests/calc/*.fods

Exit status: 0 all pass, 1 a test failed, 2 the harness could not run.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (tests run from it)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office  # noqa: E402  (after the path set-up)

from com.sun.star.sheet.FormulaResult import ERROR as RESULT_ERROR  # noqa: E402

# Error codes worth explaining when they show up in a Result cell.
ERROR_HINTS = {
    504: "Err:504 (parameter list error): is the extension installed and the office "
         "restarted after installing it?",
    525: "#NAME? (525): the function name is unknown: is the extension installed?",
}


def column_letter(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def used_range(sheet):
    cursor = sheet.createCursor()
    cursor.gotoStartOfUsedArea(False)
    cursor.gotoEndOfUsedArea(True)
    address = cursor.getRangeAddress()
    return sheet.getCellRangeByPosition(0, 0, address.EndColumn, address.EndRow)


def error_cells(sheet, cell_range):
    """{(column, row): (code, shown text)} for every formula cell with an error result."""
    found = {}
    ranges = cell_range.queryFormulaCells(RESULT_ERROR)
    for address in ranges.getRangeAddresses():
        for row in range(address.StartRow, address.EndRow + 1):
            for col in range(address.StartColumn, address.EndColumn + 1):
                cell = sheet.getCellByPosition(col, row)
                found[(col, row)] = (cell.getError(), cell.getString())
    return found


def shown(value, error=None):
    if error is not None:
        return error[1]
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, float):
        return repr(value) if value != int(value) else str(int(value))
    return repr(value)


class SheetReport:
    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failures = []


def check_sheet(sheet):
    """SheetReport for a test sheet, None for another sheet."""
    cells = used_range(sheet)
    data = cells.getDataArray()
    if not data:
        return None
    header = [str(v).strip().lower() for v in data[0]]
    if not {"result", "expected", "correct"} <= set(header):
        return None
    col = {name: header.index(name) for name in header if name}
    formulas = cells.getFormulaArray()
    errors = error_cells(sheet, cells)
    report = SheetReport(sheet.getName())
    c_res, c_exp, c_ok = col["result"], col["expected"], col["correct"]
    c_comment = col.get("comment")
    for row in range(1, len(data)):
        if not formulas[row][c_ok].startswith("="):
            continue
        ok = data[row][c_ok]
        ok_error = errors.get((c_ok, row))
        if ok_error is None and isinstance(ok, float) and ok == 1.0:
            report.passed += 1
            continue
        # The office's own rendering (column "Formula" = FORMULA(A)) names the functions by
        # their display names; the API formula is the fallback.
        formula = formulas[row][c_res]
        if "formula" in col and isinstance(data[row][col["formula"]], str) and \
                data[row][col["formula"]]:
            formula = data[row][col["formula"]]
        result_error = errors.get((c_res, row))
        result = data[row][c_res]
        if result_error is None and result == 0.0 and \
                sheet.getCellByPosition(c_res, row).getString() == "":
            result = None  # an empty array element reads as 0
        message = ("FAIL %s!%s%d: %s -> result %s, expected %s, Correct=%s" % (
            report.name, column_letter(c_res), row + 1, formula or "(array element)",
            shown(result, result_error), shown(data[row][c_exp]),
            {1.0: "TRUE", 0.0: "FALSE"}.get(ok) if ok_error is None and ok in (0.0, 1.0)
            else shown(ok, ok_error)))
        if c_comment is not None and data[row][c_comment]:
            message += "  [%s]" % data[row][c_comment]
        if result_error and result_error[0] in ERROR_HINTS:
            message += "\n     hint: " + ERROR_HINTS[result_error[0]]
        report.failures.append(message)
    return report


def summary_cell(document):
    """(label, value, error) of the first sheet's A1/B1."""
    first = document.getSheets().getByIndex(0)
    a1 = first.getCellByPosition(0, 0)
    b1 = first.getCellByPosition(1, 0)
    error = (b1.getError(), b1.getString()) if b1.getError() else None
    return a1.getString(), b1.getValue(), error


def run_document(the_office, path):
    """Print the report of one document; True when everything passed."""
    document = the_office.load(path, hidden=True, read_only=True)
    try:
        document.calculateAll()
        sheets = document.getSheets()
        passed = failed = 0
        reports = []
        for index in range(sheets.getCount()):
            report = check_sheet(sheets.getByIndex(index))
            if report is None:
                continue
            reports.append(report)
            passed += report.passed
            failed += len(report.failures)
            for line in report.failures:
                print(line)
        label, value, error = summary_cell(document)
        summary_ok = error is None and value == 1.0 and label.strip().lower() == \
            "all tests pass"
        if not summary_ok:
            print("FAIL %s: summary cell Summary!B1 (%r) is %s, not TRUE"
                  % (os.path.basename(path), label, error[1] if error else value))
        if not reports:
            print("FAIL %s: no test sheet found (a first row with Result, Expected, Correct)"
                  % os.path.basename(path))
        for report in reports:
            print("  %-24s %3d passed, %d failed" % (report.name, report.passed,
                                                    len(report.failures)))
        print("%s: %d passed, %d failed" % (os.path.basename(path), passed, failed))
        return failed == 0 and summary_ok and bool(reports)
    finally:
        office.close_document(document)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--locale", default=None, help="office UI locale, e.g. en-US or fr-FR")
    parser.add_argument("documents", nargs="+", help=".fods test documents")
    args = parser.parse_args(argv)
    for path in args.documents:
        if not os.path.isfile(path):
            print("error: no such document: %s" % path)
            return 2
    all_ok = True
    try:
        with office.Office(os.path.join(args.work, "office"), locale=args.locale,
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            if args.oxt:
                the_office.install_extension(args.oxt)
            for path in args.documents:
                all_ok = run_document(the_office, path) and all_ok
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    print("ALL PASSED" if all_ok else "SOME TESTS FAILED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
