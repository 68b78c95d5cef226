#!/usr/bin/python3
"""Array results of the OnePercent add-in in a real Calc (issue 9, item 11).

In a fresh office (en-US, the extension installed on a throwaway profile):

* =SUM(TRAINING.WAGES(A1:A1000000;1)) with one filled row gives the row's wages. The add-in
  leaves out the long empty tail: Calc filled a million empty elements one by one before
  (66 s measured in the issue, past this test's 280 s deadline here);
* as an array formula over a few more rows than the data, a blank row inside the data and
  the short empty tail stay blank, as before;
* a column of 5,000 rows times a row of 1,024 columns (5,120,000 elements, past the limit
  of 4,194,304) gives Err:502 (SUMPRODUCT: the call in array context); the message in both
  languages is tested without an office (tests/addin/elementwise_call_test.cxx);
* a text array Calc would take minutes to fill gives Err:502 too.

    /usr/bin/python3 tests/calc/test_addin_arrays.py --oxt build/onepercent.oxt \\
        --work build/addin-arrays
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean (tests run from it)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office  # noqa: E402

ILLEGAL_ARGUMENT = 502  # Err:502

from checklib import check, finish  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    with office.Office(args.work, locale="en-US", deadline=280) as the_office:
        the_office.install_extension(args.oxt)
        document = the_office.new_spreadsheet()
        sheet = document.getSheets().getByIndex(0)
        sheet.getCellRangeByName("A1").setValue(10)
        result = sheet.getCellRangeByName("D1")

        # One filled row in a million.
        result.setFormula("=SUM(TRAINING.WAGES(A1:A1000000;1))")
        document.calculateAll()
        check(result.getError() == 0 and result.getValue() == 10.0,
              "SUM over a million rows with one filled gives its wages",
              "%s / Err:%s" % (result.getValue(), result.getError()))

        # As an array formula: a blank row inside the data stays blank; after the data, #N/A.
        sheet.getCellRangeByName("A3").setValue(5)
        area = sheet.getCellRangeByName("F1:F6")
        area.setArrayFormula("=TRAINING.WAGES(A1:A6;2)")
        document.calculateAll()
        cells = [sheet.getCellRangeByName("F%d" % row) for row in range(1, 7)]
        check(cells[0].getValue() == 20.0 and cells[2].getValue() == 10.0,
              "the array formula computes the filled rows",
              [c.getValue() for c in cells])
        check(cells[1].getError() == 0 and cells[1].getString() == "",
              "a blank row inside the data stays blank", cells[1].getString())
        check(all(c.getError() == 0 and c.getString() == "" for c in cells[3:]),
              "a short empty tail after the data stays blank",
              [(c.getError(), c.getString()) for c in cells[3:]])

        # A column times a row past the limit: Err:502, with the reason in the wizard.
        sheet.getCellRangeByName("B1:B5000").setDataArray(tuple((1.0,) for _ in range(5000)))
        sheet.getCellRangeByPosition(0, 9, 1023, 9).setDataArray((tuple(1.0 for _ in range(1024)),))
        result.setFormula("=SUMPRODUCT(TRAINING.WAGES(B1:B5000;A10:AMJ10))")
        document.calculateAll()
        check(result.getError() == ILLEGAL_ARGUMENT,
              "a 5,000 x 1,024 broadcast (5,120,000 elements) gives Err:502",
              "%s / Err:%s" % (result.getValue(), result.getError()))
        # A text array of 400,000 elements: Calc would take minutes.
        sheet.getCellRangeByName("C1:C400000").setDataArray(tuple((3.0,) for _ in range(400000)))
        result.setFormula("=SUMPRODUCT(LEN(TRAINING.PARAGRAPHTITLE(C1:C400000)))")
        document.calculateAll()
        check(result.getError() == ILLEGAL_ARGUMENT,
              "a 400,000-element text array gives Err:502 instead of hanging Calc",
              "%s / Err:%s" % (result.getValue(), result.getError()))
        office.close_document(document)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
