#!/usr/bin/env python3
"""The comparison rules of same_numbers.py, without an office: numbers to the cent, texts
equal, empty = empty (an empty cell and a formula's ""), error = error (any code); the .xlsx
reader (cell values, shared strings, errors, booleans) and the removal of cached formula
results.

    python3 tests/template/test_compare.py --work build/tests/template/compare
"""
import argparse
import os
import sys
import unittest
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import same_numbers as S  # noqa: E402

WORK = None


class CompareTest(unittest.TestCase):
    def same(self, a, b):
        self.assertIsNone(S.compare(a, b), (a, b))

    def differ(self, a, b):
        self.assertIsNotNone(S.compare(a, b), (a, b))

    def test_numbers_to_the_cent(self):
        self.same(2452.71, 2452.71)
        self.same(2452.711, 2452.709)          # both 2452.71
        self.same(32.0, 32)
        self.differ(2452.71, 2452.72)
        self.differ(0.0, 0.01)
        self.differ(1e6, 1e6 + 0.5)
        # a difference under 1e-9 across a rounding boundary is noise, not a cent
        self.same(1.005, 1.005 + 1e-12)
        self.same(1.0049999999999, 1.0050000000001)
        self.differ(1.004, 1.006)
        # 1430.035 and 1430.025 are a cent apart (Python's round() gives 1430.03 for both)
        self.differ(1430.0349999999999, 1430.025)
        self.same(1430.0349999999999, 1430.035)
        self.same(-2.675, -2.675000000001)
        self.differ(-2.675, -2.665)

    def test_texts(self):
        self.same("1(8)", "1(8)")
        self.differ("1(8)", "1(8) ")
        self.differ("r. 7", "R. 7")
        self.differ("53", 53.0)                 # a text is not a number

    def test_empty(self):
        self.same(None, "")
        self.same("", None)
        self.differ(None, 0.0)
        self.differ("", "x")

    def test_errors(self):
        self.same({"error": "#N/A"}, {"error": "Err:502"})
        self.same({"error": "#VALUE!"}, {"error": "#NUM!"})
        self.differ({"error": "#N/A"}, 0.0)
        self.differ(None, {"error": "#N/A"})
        self.differ("#N/A", {"error": "#N/A"})   # a text that looks like an error is text

    def test_booleans_are_numbers(self):
        self.same(True, 1.0)
        self.same(False, 0.0)

    def test_below_cent(self):
        self.assertTrue(S.below_cent(29.538461, 29.5384615))
        self.assertFalse(S.below_cent(29.53, 29.53))
        self.assertFalse(S.below_cent(29.53, 29.54))

    def test_cell_names(self):
        self.assertEqual(S.cell_name(0, 0), "A1")
        self.assertEqual(S.cell_name(47, 8), "I48")
        self.assertEqual(S.cell_name(1, 27), "AB2")
        for name in ("A1", "I48", "AB2", "XFD1048576"):
            self.assertEqual(S.cell_name(*S.cell_position(name)), name)

    def test_formula_references(self):
        refs = S.formula_references(
            '=IF(D2="";"A1";SUMIF($Participation.$E$2:$E$31;A19;$\'Dépenses\'.$K$2:$K$31)'
            '+LOG10(B$3)+Law!C13)', "Summary")
        self.assertEqual(refs, [("Summary", 1, 3, 1, 3), ("Participation", 1, 4, 30, 4),
                                ("Summary", 18, 0, 18, 0), ("Dépenses", 1, 10, 30, 10),
                                ("Summary", 2, 1, 2, 1), ("Law", 12, 2, 12, 2)])
        refs = S.formula_references("=SUMIF(Expenses!$F$2:$F$31,A20,'My sheet'!K2:K31)", "S")
        self.assertEqual(refs, [("Expenses", 1, 5, 30, 5), ("S", 19, 0, 19, 0),
                                ("My sheet", 1, 10, 30, 10)])

    def test_roots(self):
        report = S.Report("test", WORK)
        report.difference("w", "Summary", "B6", 1.0, 2.0, "", "=SUM(Participation!J2:J31)",
                          "e", "x")
        report.difference("w", "Participation", "J2", 1.0, 2.0, "", "=F2+N(G2)", "e", "y")
        report.difference("w", "Participation", "F2", 1.0, 2.0, "", "=N(H2)", "e", "z")
        self.assertEqual([r[2] for r in report.roots()], ["F2"])


SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.25</v></c>\
<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="str"><f>""</f><v></v></c>\
<c r="E1" t="b"><f>1=1</f><v>1</v></c><c r="F1" t="inlineStr"><is><t>in line</t></is></c>\
<c r="G1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H1"><f t="shared" si="0"/><v>7</v></c></row>
</sheetData></worksheet>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
<sheet name="One" sheetId="1" r:id="rId1"/><sheet name="Law" sheetId="2" state="hidden" \
r:id="rId2"/></sheets></workbook>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="x" Target="/xl/worksheets/sheet2.xml"/></Relationships>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Sha</t></r>\
<r><t>red</t></r></si></sst>"""


class XlsxTest(unittest.TestCase):
    def setUp(self):
        os.makedirs(WORK, exist_ok=True)
        self.path = os.path.join(WORK, "reader.xlsx")
        with zipfile.ZipFile(self.path, "w") as archive:
            archive.writestr("xl/workbook.xml", WORKBOOK)
            archive.writestr("xl/_rels/workbook.xml.rels", RELS)
            archive.writestr("xl/sharedStrings.xml", STRINGS)
            archive.writestr("xl/worksheets/sheet1.xml", SHEET)
            archive.writestr("xl/worksheets/sheet2.xml", SHEET.replace("1.25", "2.5"))

    def test_values(self):
        sheets = S.xlsx_read(self.path)
        self.assertEqual([(s[0], s[1]) for s in sheets], [("One", "visible"), ("Law", "hidden")])
        values, formulas = sheets[0][2], sheets[0][3]
        self.assertEqual(values[(0, 0)], "Shared")
        self.assertEqual(values[(0, 1)], 1.25)
        self.assertEqual(values[(0, 2)], {"error": "#DIV/0!"})
        self.assertIsNone(values[(0, 3)])
        self.assertEqual(values[(0, 4)], 1.0)
        self.assertEqual(values[(0, 5)], "in line")
        self.assertEqual(values[(0, 6)], "ab")
        self.assertEqual(formulas[(0, 2)], "=1/0")
        self.assertEqual(sheets[1][2][(0, 1)], 2.5)

    def test_strip_cached_values(self):
        target = os.path.join(WORK, "stripped.xlsx")
        removed = S.strip_cached_values(self.path, target)
        self.assertEqual(removed, 2 * 5)          # C1, D1, E1, G1, H1 on two sheets
        values = S.xlsx_read(target)[0][2]
        self.assertEqual(values[(0, 0)], "Shared")   # constants keep their values
        self.assertEqual(values[(0, 1)], 1.25)
        for col in (2, 3, 4, 6, 7):
            self.assertIsNone(values[(0, col)], col)


def main():
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", required=True, help="scratch folder (build tree)")
    args, rest = parser.parse_known_args()
    WORK = os.path.abspath(args.work)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
