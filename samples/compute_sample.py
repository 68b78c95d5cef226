#!/usr/bin/python3
"""Compute the OnePercent sample workbook in a headless LibreOffice and print its results.

Starts a throwaway office (profile under --work), installs the extension, loads
samples/functions-sample.fods read-only, recalculates it and prints every row as a
readable table (labels and values). Exits 1 if any cell holds an error value, 2 if the
office or the extension could not be used.

    /usr/bin/python3 samples/compute_sample.py --oxt build/onepercent.oxt --work build/sample
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "calc"))

import office  # noqa: E402
from run_fods import column_letter, error_cells, used_range  # noqa: E402

DEFAULT_SAMPLE = os.path.join(HERE, "functions-sample.fods")


def table_lines(rows, widths_cap=46):
    """Aligned text lines for rows of strings (first column wide, the others narrow)."""
    if not rows:
        return []
    columns = max(len(r) for r in rows)
    widths = [0] * columns
    for row in rows:
        for index, text in enumerate(row):
            widths[index] = min(max(widths[index], len(text)), widths_cap)
    lines = []
    for row in rows:
        cells = []
        for index in range(columns):
            text = row[index] if index < len(row) else ""
            if len(text) > widths_cap:
                text = text[:widths_cap - 1] + "…"
            cells.append(text.ljust(widths[index]))
        lines.append("  ".join(cells).rstrip())
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--locale", default="en-US", help="office UI locale (en-US, fr-FR)")
    parser.add_argument("sample", nargs="?", default=DEFAULT_SAMPLE)
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required (the OnePercent extension, e.g. build/onepercent.oxt)")
    try:
        with office.Office(os.path.join(args.work, "office"), locale=args.locale,
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            document = the_office.load(args.sample, hidden=True, read_only=True)
            try:
                document.calculateAll()
                return report(document)
            finally:
                office.close_document(document)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2


def report(document):
    """Print every sheet as an aligned table; 1 if a cell holds an error, else 0."""
    sheets = document.getSheets()
    errors_found = []
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        cells = used_range(sheet)
        data = cells.getDataArray()          # values in one call
        errors = error_cells(sheet, cells)   # error cells in one query
        print("== %s" % sheet.getName())
        rows = []
        for r, line in enumerate(data):
            texts = []
            for c, value in enumerate(line):
                if (c, r) in errors:
                    texts.append(errors[(c, r)][1])
                    errors_found.append("%s!%s%d = %s" % (sheet.getName(), column_letter(c),
                                                          r + 1, errors[(c, r)][1]))
                elif isinstance(value, float):
                    # The number as the sheet formats it (money, dates); a small sheet, so
                    # asking the few numeric cells one by one is fine here.
                    texts.append(cells.getCellByPosition(c, r).getString())
                else:
                    texts.append(value or "")
            rows.append(texts)
        for line in table_lines(rows):
            print(line)
    if errors_found:
        print("\nERROR cells: %d" % len(errors_found))
        for line in errors_found:
            print("  " + line)
        return 1
    print("\nsample computed: no error cell")
    return 0


if __name__ == "__main__":
    sys.exit(main())
