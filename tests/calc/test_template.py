#!/usr/bin/python3
"""The OnePercent workbook template and the client samples in a real headless Calc.

Installs the .oxt on a throwaway profile (office.py), checks that the template path of the
extension is registered (File > Templates), then loads each generated template (.ots, en
and fr) and the two samples hidden and read-only, recalculates, and checks
docs/template-layout.md: document properties, the seven sheets, the named ranges, sheet
protection with protected computed cells and unprotected inputs, validity lists on input
cells, no error cell (templates and clean sample), the Summary's header, labels, RL-1 line
column (the engine's numbers for the workbook's year, --law-tables) and the WSDRF_* named
cells; the clean sample's Summary and key detail cells to the cent (hand computation below),
and variants typed into its inputs: a CQIF holder, an employer not subject, no EI rate, no
hours per pay period, a replacement row without its replaced employee; and the LMS
indicators of template 1.2 beside the Summary's lines (E1:G16: hours and participants by
format, completion rate, hours per employee, certifications expiring) on the templates, the
clean sample and variants of it; and the clean sample written in the portable flavour (into
--work): its Summary to the cent and the same indicators and variants.

    /usr/bin/python3 tests/calc/test_template.py --oxt build/onepercent.oxt \
        --work build/tests/calc/template --templates build/samples/template \
        --law-tables build/samples/law-tables.json
"""
import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "samples", "template"))

import office  # noqa: E402
from run_fods import column_letter, error_cells, used_range  # noqa: E402
import layout as L  # noqa: E402
import template_titles as T  # noqa: E402

# The Summary of samples/client-clean.fods, by hand (r. 3, the Act, and the 2025 rates of
# ../shared/law-facts.md; the clean sample's EI employer rate is 1.60 %, Employer!B10).
#
# Hourly rates, s. 7(6) (amount x periods / 1950) unless the contract gives the hours per pay
# period (s. 7(6) is a fallback: amount / hours):
#   E01 62,400/1950 = 32.00;  E02 4,800x12/1950 = 29.538462;  E03 2,300x26/1950 = 30.666667
#   E04 28.50 (hour);  E05 95,000/1950 = 48.717949;  E08 44.00 (hour)
#   E06 1,250 a week for 40 hours a week: 1,250/40 = 31.25 (s. 7(6) would give 33.333333)
# Wages, s. 7(5) (hours x rate, to the cent):
#   E01 A01 30h 960.00 | E04 A01 30h 855.00 | E01 A02 14h 448.00 | E06 A02 14h 437.50
#   E05 A03 12h 584.62 | E01 A03 12h 384.00 | E04 A03 12h 342.00 | E06 A03 12h 375.00
#   E02 A04 40h 1,181.54 | E05 A04 10h 487.18 | E03 A05 18h 552.00 | E05 A06 7h 341.03
#   E08 replaces E04 in A01, 30 h, s. 1(8): only the excess over E04's wages counts:
#     REPLACEMENTWAGES(30; 44.00; 28.50) = 1,320.00 - 855.00 = 465.00
# Contributions, s. 7(4.1) = (QPP + EI + QPIP + CNESST on the annual salary S) x wages / S,
#   2025: QPP 6.4 % of (min(S, 71,300) - 3,500) + 4 % of (min(S, 81,200) - 71,300)+;
#   EI at the employer's own 1.60 % of min(S, 65,700); QPIP 0.692 % of min(S, 98,000);
#   CNESST 1.85 % of min(S, 98,000)
#   E01 S 62,400: 3,769.60 + 998.40 + 431.81 + 1,154.40 = 6,354.21 -> x960/62,400 = 97.76,
#       x448 -> 45.62, x384 -> 39.10
#   E04 S 55,575: 3,332.80 + 889.20 + 384.58 + 1,028.14 = 5,634.72 -> x855/55,575 = 86.69,
#       x342 -> 34.68
#   E06 S 65,000: 3,936.00 + 1,040.00 + 449.80 + 1,202.50 = 6,628.30 -> x437.50 = 44.61,
#       x375 -> 38.24
#   E05 S 95,000: 4,735.20 (4,339.20 + 4 % x 9,900) + 1,051.20 + 657.40 + 1,757.50
#       = 8,201.30 -> x584.62/95,000 = 50.47, x487.18 -> 42.06, x341.03 -> 29.44
#   E02 S 57,600: 3,462.40 + 921.60 + 398.59 + 1,065.60 = 5,848.19 -> x1,181.54 = 119.96
#   E03 S 59,800: 3,603.20 + 956.80 + 413.82 + 1,106.30 = 6,080.12 -> x552 = 56.12
#   E08 S 85,800: 4,735.20 + 1,051.20 + 593.74 + 1,587.30 = 7,967.44 -> x465/85,800 = 43.18
# Eligible amount of each row, s. 7(13): wages + contributions less the row's government
# assistance; only E02 in A04 has some (500.00): 1,181.54 + 119.96 - 500.00 = 801.50.
#   1,057.76 + 941.69 + 493.62 + 482.11 + 635.09 + 423.10 + 376.68 + 413.24 + 801.50
#   + 529.24 + 608.12 + 370.47 + 508.18 = 7,640.80 (training wages and contributions)
# Net eligible expenses (all activities completed in 2025):
#   X001 6,800 - 2,000 assistance = 4,800 | X002 420 | X003 1,450 | X004 380 | X005 260
#   X006 2,200 (A05 not at arm's length, paragraph 1(1): capped at 1,800 + 200 + 250 = 2,250)
#   X007 650 | X008 779.49 (1(17)) | X011 185 (travel 1(16) of A05, not at arm's length: not
#   capped, s. 7(12) names only paragraphs 1, 2, 3, 11, 12, 13 and 14; capped it would be 0)
#   = 11,124.49
# Outside s. 1, in full: X009 training mutual (r. 7) 1,500.00; X010 CCQ training fund (Act
#   s. 12) 832.00
# Eligible expenditures = 7,640.80 + 11,124.49 + 1,500.00 + 832.00 = 21,097.29
# Subject: 2,480,000 > 2,000,000 (Act s. 3); line 50 = 2,480,000 (subject, no CQIF);
# line 51 = 1 % = 24,800.00; line 75 = 1,250.00; lines 78 = 52 = 21,097.29 + 1,250 = 22,347.29
# Line 53 = max(0, 24,800.00 - 21,097.29 - 1,250.00) = 2,452.71
# Line 79 = max(0, 21,097.29 + 1,250.00 - 24,800.00 - 0) = 0.00
CLEAN_SUMMARY = {"subject": 1, "payroll": 2480000.00, "line50": 2480000.00,
                 "line51": 24800.00, "wages_total": 7640.80, "expenses_total": 11124.49,
                 "mutual_total": 1500.00, "ccq_total": 832.00, "eligible": 21097.29,
                 "line75": 1250.00, "line78": 22347.29, "line52": 22347.29,
                 "line53": 2452.71, "line79": 0.00}
# Detail cells of the clean sample (sheet key, row, column key, value) from the same
# computation.
CLEAN_CELLS = [
    ("employees", 7, "hourly_rate", 31.25),           # E06, 40 hours a week
    ("participation", 5, "wages", 437.50),            # E06 in A02 at 31.25
    ("participation", 10, "eligible_amount", 801.50),  # net of 500.00 of assistance
    ("participation", 14, "wages", 465.00),           # E08 replaces E04: the excess only
    ("participation", 14, "contributions", 43.18),
    ("participation", 14, "eligible_amount", 508.18),
    ("expenses", 12, "eligible_amount", 185.00),      # X011 travel: not capped
    ("expenses", 7, "eligible_amount", 2200.00),      # X006 tuition 1(1): under its cap
    ("expenses", 10, "eligible_amount", 1500.00),     # X009 training mutual
    ("expenses", 11, "eligible_amount", 832.00),      # X010 CCQ fund
]
CLEAN_TEXTS = [("expenses", 10, "paragraph", "r. 7"), ("expenses", 11, "paragraph", "Act s. 12"),
               ("expenses", 12, "paragraph", "1(16)"), ("participation", 14, "paragraph",
                                                        "1(8)")]

# Variants of the clean sample, typed into its input cells in the office (sheet key, row,
# column key or employer field, value; "" empties the cell), with the Summary lines or cells
# they must give.
#   CQIF holder (r. 5; Revenu Québec: "leave lines 50 through 53 blank"): line 50 empty,
#     minimum and contribution 0; the expenditures unchanged; line 79 = max(0, 21,097.29 +
#     1,250 - 24,800) = 0.
#   Not subject: payroll 1,900,000 <= 2,000,000: subject 0, line 50 empty, minimum 0,
#     contribution 0; line 79 = max(0, 21,097.29 - 0 used for credits) = 21,097.29 (the
#     expenditures the next year may enter on line 75, Act s. 11).
#   EI rate empty: the year's Québec rate 1.834 %: E01 in A01 contributions =
#     (3,769.60 + 1,144.42 + 431.81 + 1,154.40 = 6,500.22) x 960 / 62,400 = 100.00.
#   E06's hours per period empty: s. 7(6): 1,250 x 52 / 1950 = 33.333333; 14 h -> 466.67.
#   The replacement row without its replaced employee: wages #N/A (contract), and so its
#     eligible amount.
VARIANTS = [
    ("CQIF holder", [("employer", None, "cqif", "yes")],
     {"line50": "", "line51": 0.0, "line53": 0.0, "eligible": 21097.29, "line79": 0.0,
      "subject": 1}),
    ("not subject", [("employer", None, "payroll", 1900000)],
     {"subject": 0, "payroll": 1900000.0, "line50": "", "line51": 0.0, "line53": 0.0,
      "eligible": 21097.29, "line78": 22347.29, "line79": 21097.29}),
    ("EI rate empty", [("employer", None, "ei_rate", "")],
     {("participation", 2, "contributions"): 100.00}),
    ("hours per period empty", [("employees", 7, "hours_per_period", "")],
     {("employees", 7, "hourly_rate"): 33.333333, ("participation", 5, "wages"): 466.67}),
    ("no replaced employee", [("participation", 14, "replaced_employee_id", "")],
     {("participation", 14, "wages"): "#N/A", ("participation", 14, "eligible_amount"): "#N/A"}),
]

LIST_KEYS = ("pay_basis", "provider_kind", "expense_kind", "role", "yesno", "format")

# Template 1.2 (issue 12): what an LMS tracks, on the clean sample.  Formats (Activities,
# column P): A01 and A06 classroom, A02 event, A03 workshop, A04 coaching, A05 e-learning.
# Hours by activity (every role's participation hours) and participants (role participant):
#   A01 30 + 30 + 30 (E08 replaces E04) = 90, 2 participants; A06 7, 1 -> classroom 97, 3
#   A05 18, 1 (e-learning); A03 12 (E05 trainer) + 12 + 12 + 12 = 48, 3 (workshop)
#   A04 40 + 10 (E05 supervisor) = 50, 1 (coaching); A02 14 + 14 = 28, 2 (event)
#   mentoring, on-the-job: 0; other or not given: 0; total 241 h, 10 participants
# Completion: 13 rows with hours, 12 completed (E06 in A03 is not): 12 / 13 = 92.31 %.
# Employees with hours: E01 56, E02 40, E03 18, E04 42, E05 29, E06 26, E08 30 (E07 none):
#   7; hours per employee = 241 / 7 = 34.43.
# Certifications expiring from 2025-12-31 to 2026-03-31: E01's ticket (2026-02-28) only: 1.
# (row, column letter) of the Summary -> value
CLEAN_INDICATORS = {
    (2, "F"): 97.0, (2, "G"): 3.0, (3, "F"): 18.0, (3, "G"): 1.0, (4, "F"): 48.0,
    (4, "G"): 3.0, (5, "F"): 50.0, (5, "G"): 1.0, (6, "F"): 0.0, (6, "G"): 0.0,
    (7, "F"): 0.0, (7, "G"): 0.0, (8, "F"): 28.0, (8, "G"): 2.0, (9, "F"): 0.0,
    (9, "G"): 0.0, (10, "F"): 241.0, (10, "G"): 10.0,
    (13, "F"): 12 / 13, (14, "F"): 7.0, (15, "F"): 34.43, (16, "F"): 1.0,
}
# An empty template: zeros, and empty where there is nothing to divide or no year.
TEMPLATE_INDICATORS = {
    (2, "F"): 0.0, (5, "G"): 0.0, (9, "F"): 0.0, (10, "F"): 0.0, (10, "G"): 0.0,
    (13, "F"): "", (14, "F"): 0.0, (15, "F"): "", (16, "F"): "",
}
# Variants of the indicators, typed into the clean sample (as VARIANTS).
#   E01 in A01 not completed: 11 / 13 = 84.62 %.
#   A02 typed "mentorat" (French, in an English workbook): mentoring 28 h, 2; event 0.
#   A05's format emptied: 18 h and 1 participant are "other or not given".
#   E01's ticket without an expiry date: no certification expiring: 0.
#   Fiscal year 2026: the window is 2026-12-31 to 2027-03-31: E04's ticket (2027-03-28): 1.
INDICATOR_VARIANTS = [
    ("not completed", [("participation", 2, "completed", "no")], {(13, "F"): 11 / 13}),
    ("mentorat", [("activities", 3, "format", "mentorat")],
     {(6, "F"): 28.0, (6, "G"): 2.0, (8, "F"): 0.0, (8, "G"): 0.0, (10, "F"): 241.0}),
    ("no format", [("activities", 6, "format", "")],
     {(3, "F"): 0.0, (9, "F"): 18.0, (9, "G"): 1.0, (10, "G"): 10.0}),
    ("no expiry", [("certifications", 2, "expires_on", "")], {(16, "F"): 0.0}),
    ("year 2026", [("employer", None, "year", 2026)], {(16, "F"): 1.0}),
]


class Checks:
    def __init__(self):
        self.failed = []
        self.passed = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failed.append(message)
            print("FAIL: " + message)


def sheet_names(lang):
    return [en if lang == "en" else fr for _k, en, fr in L.SHEETS]


def column_of(table, key):
    for index, column in enumerate(L.TABLES[table]):
        if column.key == key:
            return index
    raise KeyError(key)


def check_document(document, name, lang, checks, expect_no_errors, template):
    props = document.getDocumentProperties()
    user = props.getUserDefinedProperties()
    for key, value in (("OnePercentTemplate", "org.onepercent.workbook"),
                       ("OnePercentTemplateVersion", "1.2"), ("OnePercentLanguage", lang)):
        got = user.getPropertyValue(key) if user.getPropertySetInfo().hasPropertyByName(key) \
            else None
        checks.check(got == value, "%s: property %s = %r, expected %r" % (name, key, got, value))
    portable = user.getPropertySetInfo().hasPropertyByName("OnePercentFlavour") and \
        user.getPropertyValue("OnePercentFlavour") == "portable"
    checks.check(props.Title == T.title("portable" if portable else "linked", lang),
                 "%s: title %r" % (name, props.Title))
    # Prepared rows per table (issue 8): the template has at least 5,000, the samples fewer;
    # every range the Summary counts ends at row 1 + OnePercentPreparedRows.
    rows = user.getPropertyValue("OnePercentPreparedRows") \
        if user.getPropertySetInfo().hasPropertyByName("OnePercentPreparedRows") else ""
    expected_rows = L.TEMPLATE_ROWS if template else L.SAMPLE_ROWS
    checks.check(rows == str(expected_rows), "%s: OnePercentPreparedRows = %r, expected %d"
                 % (name, rows, expected_rows))
    checks.check(not template or expected_rows >= 5000, "%s: fewer than 5,000 rows" % name)
    last_data_row = L.FIRST_DATA_ROW + expected_rows - 1

    sheets = document.getSheets()
    names = list(sheets.getElementNames())
    # A portable workbook ends with its hidden Law / Loi sheet (issue 8).
    law = ["Law" if lang == "en" else "Loi"] if portable else []
    checks.check(names == sheet_names(lang) + law, "%s: sheets %r" % (name, names))
    ranges = document.NamedRanges
    for range_name, _key in L.NAMED_RANGES:
        checks.check(ranges.hasByName(range_name), "%s: named range %s" % (name, range_name))
    # named ranges cover header + data rows; Employer A1:B10, RL1Summary A1:C16 (the
    # retention line, issue 8)
    for range_name, end in (("Participation", "$L$%d" % last_data_row),
                            ("Employees", "$H$%d" % last_data_row),
                            ("Expenses", "$P$%d" % last_data_row),
                            ("Activities", "$P$%d" % last_data_row),      # Format, 1.2
                            ("Certifications", "$E$%d" % last_data_row),  # 1.2
                            ("Employer", "$B$10"),
                            ("RL1Summary", "$C$%d" % (1 + len(L.SUMMARY)))):
        if ranges.hasByName(range_name):
            content = ranges.getByName(range_name).getContent()
            checks.check(content.endswith(end), "%s: %s range %s, expected ...%s"
                         % (name, range_name, content, end))
    # The result cells, one named cell each (1.1): column B of their Summary row.
    summary_name = sheet_names(lang)[SHEET_INDEX["summary"]]
    for range_name, key in L.RESULT_NAMES:
        expected = "$%s.$B$%d" % (summary_name, 2 + summary_keys().index(key))
        got = ranges.getByName(range_name).getContent() if ranges.hasByName(range_name) \
            else None
        checks.check(got == expected, "%s: %s = %r, expected %r" % (name, range_name, got,
                                                                    expected))

    # The Summary counts every prepared row: its totals end at the last prepared row, and its
    # sub-tables by activity and by employee have one line per prepared row.
    summary = sheets.getByName(summary_name) if sheets.hasByName(summary_name) else None
    if summary is not None:
        for key in ("wages_total", "mutual_total"):
            formula = summary.getCellByPosition(1, 1 + summary_keys().index(key)).getFormula()
            checks.check(("$%d" % last_data_row) in formula and
                         ("$%d" % (last_data_row + 1)) not in formula,
                         "%s: Summary %s does not end at row %d: %s"
                         % (name, key, last_data_row, formula[:200]))
        last_by_employee = L.BY_ACTIVITY_FIRST + 2 * expected_rows + 1      # 0-based
        formula = summary.getCellByPosition(0, last_by_employee).getFormula()
        if formula.upper().startswith("=OP_") and ranges.hasByName(formula[1:]):
            # The portable flavour: a relative named formula (gen_workbook._row_formula),
            # written at the first line (mirroring row 2), that every line uses.
            named = ranges.getByName(formula[1:])
            base = named.getReferencePosition().Row
            formula = "%s (%s at row %d)" % (formula, named.getContent(), base + 1)
            mirrored = L.FIRST_DATA_ROW + last_by_employee - base
            checks.check(named.getContent().endswith("A%d)" % L.FIRST_DATA_ROW) and
                         mirrored == last_data_row,
                         "%s: the last line by employee (row %d) does not mirror row %d: %r"
                         % (name, last_by_employee + 1, last_data_row, formula))
        else:
            checks.check(formula.endswith("A%d)" % last_data_row),
                         "%s: the last line by employee (row %d) does not mirror row %d: %r"
                         % (name, last_by_employee + 1, last_data_row, formula))
    for index, (key, _en, _fr) in enumerate(L.SHEETS):
        if index >= sheets.getCount():
            break
        sheet = sheets.getByIndex(index)
        checks.check(sheet.isProtected(), "%s: sheet %s not protected" % (name, sheet.getName()))
        if key in L.TABLES:
            headers = [sheet.getCellByPosition(c, 0).getString()
                       for c in range(len(L.TABLES[key]))]
            checks.check(headers == [c.label(lang) for c in L.TABLES[key]],
                         "%s: headers of %s %r" % (name, sheet.getName(), headers))
            for col_index, column in enumerate(L.TABLES[key]):
                for row in (1, last_data_row - 1):     # 0-based: the first and last rows
                    cell = sheet.getCellByPosition(col_index, row)
                    locked = cell.CellProtection.IsLocked
                    where = "%s!%s%d" % (sheet.getName(), column_letter(col_index), row + 1)
                    if column.computed:
                        checks.check(locked, "%s: computed %s is not protected" % (name, where))
                        if template:
                            checks.check(cell.getFormula().startswith("="),
                                         "%s: %s has no formula" % (name, where))
                            checks.check(cell.getString() == "",
                                         "%s: %s is not empty on an empty row (%r)"
                                         % (name, where, cell.getString()))
                    else:
                        checks.check(not locked, "%s: input %s is protected" % (name, where))
                        kind = column.kind
                        list_key = "yesno" if kind == "yesno" else (
                            kind[3:] if kind.startswith("kw:") else None)
                        if list_key in LIST_KEYS and row == 1:
                            validation = cell.Validation
                            # ValidationType LIST = 6
                            vtype = int(validation.Type.value == "LIST") if hasattr(
                                validation.Type, "value") else validation.Type
                            formula = validation.getFormula1()
                            words = L.KEYWORDS[list_key][lang]
                            # A portable list longer than Excel's 255 characters reads
                            # the Law / Loi sheet's spellings (issue 8).
                            from_law = portable and ("$Law." in formula or "$Loi." in formula)
                            checks.check(vtype == 1 and (from_law or all(
                                '"%s"' % w in formula for w in words)),
                                         "%s: %s validity %r %r" % (name, where,
                                                                     validation.Type, formula))
                            checks.check(validation.ShowInputMessage and
                                         validation.InputMessage != "",
                                         "%s: %s has no input help" % (name, where))
    summary = sheets.getByIndex(SHEET_INDEX["summary"])
    head = tuple(summary.getCellByPosition(c, 0).getString() for c in range(3))
    checks.check(head == L.SUMMARY_HEADER[lang], "%s: Summary header %r" % (name, head))
    for index, line in enumerate(L.SUMMARY):
        label = summary.getCellByPosition(0, 1 + index).getString()
        checks.check(label == line.label(lang), "%s: Summary A%d %r" % (name, index + 2, label))
        for column in (1, 2):
            cell = summary.getCellByPosition(column, 1 + index)
            where = "%s: Summary!%s%d" % (name, "BC"[column - 1], index + 2)
            checks.check(cell.CellProtection.IsLocked, where + " is not protected")
            has_line = line.key in L.RL1_LINE_KEYS
            if template and (column == 1 or has_line):
                checks.check(cell.getFormula().startswith("="), where + " has no formula")
            if column == 2 and not has_line:
                checks.check(cell.getFormula() == "", where + " should be empty")
    if expect_no_errors:
        # (The Law sheet's =NA() cells are the classification's "no paragraph".)
        for index in range(sheets.getCount() - len(law)):
            sheet = sheets.getByIndex(index)
            found = error_cells(sheet, used_range(sheet))
            for (c, r), (_code, text) in sorted(found.items())[:10]:
                checks.check(False, "%s: error %s!%s%d = %s" % (name, sheet.getName(),
                                                                column_letter(c), r + 1, text))


def summary_keys():
    return [c.key for c in L.SUMMARY]


def summary_value(document, key, column=1):
    row = 1 + summary_keys().index(key)
    return document.getSheets().getByIndex(SHEET_INDEX["summary"]).getCellByPosition(column,
                                                                                    row)


SHEET_INDEX = {key: index for index, (key, _en, _fr) in enumerate(L.SHEETS)}


def cell_at(document, sheet, row, key):
    """The cell of an employer field (row None) or of column `key` in a table row (1-based)."""
    if sheet == "employer":
        index = [c.key for c in L.EMPLOYER].index(key)
        return document.getSheets().getByIndex(0).getCellByPosition(1, 1 + index)
    return document.getSheets().getByIndex(SHEET_INDEX[sheet]).getCellByPosition(
        column_of(sheet, key), row - 1)


def shown(cell):
    """A number, a text, or the error text ("#N/A") a cell shows."""
    if cell.getError():
        return cell.getString()
    if cell.getType().value == "TEXT" or (cell.getType().value == "FORMULA" and
                                          cell.FormulaResultType2 == 2):
        return cell.getString()
    if cell.getType().value == "EMPTY":
        return ""
    return cell.getValue()


def same(got, expected):
    if isinstance(expected, str):
        return got == expected
    return isinstance(got, float) and abs(got - expected) < 0.005


def rl1_expected(law_tables, year):
    """{summary line key: line number text or ""} for `year` from the engine's table."""
    numbers = {}
    for entry in law_tables["rl1_lines"]["by_form_year"]:
        if entry["form_year"] == year:
            numbers = entry["numbers"]
    return {key: str(numbers[rl1]) if numbers.get(rl1) is not None else ""
            for key, rl1 in L.RL1_LINE_KEYS.items()}


def verified_year(law_tables):
    """The last form year whose seven line numbers are all verified (None: none is)."""
    years = [entry["form_year"] for entry in law_tables["rl1_lines"]["by_form_year"]
             if all(entry["numbers"].get(k) is not None for k in L.RL1_LINE_KEYS.values())]
    return max(years) if years else None


def check_rl1_column(document, name, law_tables, year, checks):
    expected = rl1_expected(law_tables, year)
    for key in summary_keys():
        got = summary_value(document, key, 2).getString()
        checks.check(got == expected.get(key, ""), "%s, year %s: Summary C of %s = %r, "
                     "expected %r" % (name, year, key, got, expected.get(key, "")))


CLEAR = 1 | 2 | 4 | 16     # com.sun.star.sheet.CellFlags VALUE | DATETIME | STRING | FORMULA


def type_into(cell, value):
    if value == "":
        cell.clearContents(CLEAR)     # setFormula("") leaves the cell as it was
    elif isinstance(value, str):
        cell.setString(value)
    else:
        cell.setValue(value)


def with_inputs(document, changes, check):
    """Type `changes` [(sheet, row, key, value)] into input cells, recalculate, run check(),
    and put the cells back."""
    saved = []
    try:
        for sheet, row, key, value in changes:
            cell = cell_at(document, sheet, row, key)
            saved.append((cell, cell.getFormula()))
            type_into(cell, value)
        document.calculateAll()
        check()
    finally:
        for cell, formula in reversed(saved):
            type_into(cell, formula) if formula == "" else cell.setFormula(formula)
        document.calculateAll()


def check_clean(document, name, law_tables, checks):
    """The clean sample's Summary and detail to the cent, its RL-1 column, and the
    variants."""
    for key, expected in CLEAN_SUMMARY.items():
        got = shown(summary_value(document, key))
        checks.check(same(got, expected), "%s: Summary %s = %r, expected %r"
                     % (name, key, got, expected))
    for sheet, row, key, expected in CLEAN_CELLS + CLEAN_TEXTS:
        got = shown(cell_at(document, sheet, row, key))
        checks.check(same(got, expected), "%s: %s row %d %s = %r, expected %r"
                     % (name, sheet, row, key, got, expected))
    year = int(cell_at(document, "employer", None, "year").getValue())
    check_rl1_column(document, name, law_tables, year, checks)
    verified = verified_year(law_tables)
    checks.check(verified is not None, "the law tables have no verified RL-1 form year")
    if verified is not None:
        with_inputs(document, [("employer", None, "year", verified)],
                    lambda: check_rl1_column(document, name, law_tables, verified, checks))
        checks.check(rl1_expected(law_tables, verified)["line53"] != "",
                     "no line number for year %s" % verified)
    for title, changes, expected in VARIANTS:
        def check_variant(title=title, expected=expected):
            for where, value in expected.items():
                if isinstance(where, tuple):
                    got = shown(cell_at(document, *where))
                else:
                    got = shown(summary_value(document, where))
                checks.check(same(got, value), "%s, %s: %s = %r, expected %r"
                             % (name, title, where, got, value))
        with_inputs(document, [(sheet, row, key, value)
                               for sheet, row, key, value in changes], check_variant)
    # Put back: the Summary is the clean one again.
    got = shown(summary_value(document, "line53"))
    checks.check(same(got, CLEAN_SUMMARY["line53"]), "%s: line 53 after the variants %r"
                 % (name, got))


def indicator_cell(document, row, letter):
    """A cell of the LMS indicators beside the Summary's lines (1.2): row 1-based, E..G."""
    return document.getSheets().getByIndex(SHEET_INDEX["summary"]).getCellByPosition(
        "ABCDEFG".index(letter), row - 1)


def check_indicators(document, name, expected, checks, lang="en"):
    """The LMS indicators (1.2, issue 12) in E1:G16: labels, protection, formulas, values."""
    layout_rows = L.indicator_rows(lang)
    for row, items in sorted(layout_rows.items()):
        for offset, (kind, payload, _style) in enumerate(items):
            letter = "EFG"[offset]
            cell = indicator_cell(document, row, letter)
            where = "%s: Summary!%s%d" % (name, letter, row)
            checks.check(cell.CellProtection.IsLocked, where + " is not protected")
            if kind == "text":
                checks.check(cell.getString() == payload, "%s = %r, expected %r"
                             % (where, cell.getString(), payload))
            else:
                checks.check(cell.getFormula().startswith("="), where + " has no formula")
    for (row, letter), value in expected.items():
        got = shown(indicator_cell(document, row, letter))
        checks.check(same(got, value), "%s: Summary!%s%d = %r, expected %r"
                     % (name, letter, row, got, value))


def check_clean_indicators(document, name, checks):
    check_indicators(document, name, CLEAN_INDICATORS, checks)
    for title, changes, expected in INDICATOR_VARIANTS:
        def check_variant(title=title, expected=expected):
            for (row, letter), value in expected.items():
                got = shown(indicator_cell(document, row, letter))
                checks.check(same(got, value), "%s, %s: Summary!%s%d = %r, expected %r"
                             % (name, title, letter, row, got, value))
        with_inputs(document, changes, check_variant)
    got = shown(indicator_cell(document, 13, "F"))
    checks.check(same(got, CLEAN_INDICATORS[(13, "F")]),
                 "%s: completion rate after the variants %r" % (name, got))


def check_template_rl1(document, name, law_tables, checks):
    """An empty template: column C is empty until the year is typed, then shows the numbers
    of that year's form."""
    check_rl1_column(document, name, law_tables, None, checks)
    verified = verified_year(law_tables)
    if verified is not None:
        with_inputs(document, [("employer", None, "year", verified)],
                    lambda: check_rl1_column(document, name, law_tables, verified, checks))


def check_template_path(the_office, checks):
    """After install, the extension's templates folder is a template path and holds the
    two .ots files."""
    settings = the_office.create("com.sun.star.util.PathSettings")
    internal = list(settings.getPropertyValue("Template_internal"))
    ours = [url for url in internal if "onepercent" in url.lower() or "templates" in url]
    found = []
    expander = the_office.context.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
    for url in internal:
        if url.startswith("vnd.sun.star.expand:"):
            from urllib.parse import unquote
            url = expander.expandMacros(unquote(url[len("vnd.sun.star.expand:"):]))
        if not url.startswith("file:"):
            continue
        path = office.uno.fileUrlToSystemPath(url)
        if os.path.isfile(os.path.join(path, "onepercent-template-en.ots")):
            found.append(path)
    checks.check(bool(found), "no template path holds onepercent-template-en.ots: %r" % ours)
    for path in found[:1]:
        checks.check(os.path.isfile(os.path.join(path, "onepercent-template-fr.ots")),
                     "onepercent-template-fr.ots missing in %s" % path)
        print("template path registered: %s" % path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--templates", required=True,
                        help="folder of the generated onepercent-template-{en,fr}.ots")
    parser.add_argument("--samples", default=os.path.join(ROOT, "samples"))
    parser.add_argument("--law-tables", required=True,
                        help="the JSON of onepercent-law-tables (the RL-1 line numbers)")
    args = parser.parse_args(argv)
    with open(args.law_tables, encoding="utf-8") as source:
        law_tables = json.load(source)
    if not args.oxt:
        parser.error("--oxt is required")
    checks = Checks()
    # The clean sample in the portable flavour (1.2: the indicators use built-in functions
    # only, one formula for both flavours), written into the work folder.
    portable_clean = os.path.join(args.work, "client-clean-portable.fods")
    os.makedirs(args.work, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "samples", "template", "gen_workbook.py"),
                    "--law-tables", args.law_tables, "--fill", "clean", "--flavour", "portable",
                    "--rows", str(L.SAMPLE_ROWS), "--out", portable_clean],
                   check=True, timeout=args.timeout)
    documents = [(os.path.join(args.templates, "onepercent-template-en.ots"), "en", True, True),
                 (os.path.join(args.templates, "onepercent-template-fr.ots"), "fr", True, True),
                 (os.path.join(args.samples, "client-clean.fods"), "en", True, False),
                 (os.path.join(args.samples, "client-planted.fods"), "en", False, False),
                 (portable_clean, "en", True, False)]
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            check_template_path(the_office, checks)
            for path, lang, no_errors, template in documents:
                name = os.path.basename(path)
                # As a template: an untitled copy that the variants can type into (a
                # read-only document refuses to clear a cell), and no lock file next to it.
                document = the_office.load(path, hidden=True, read_only=True, AsTemplate=True)
                try:
                    document.calculateAll()
                    check_document(document, name, lang, checks, no_errors, template)
                    if template:
                        check_template_rl1(document, name, law_tables, checks)
                    if template:
                        check_indicators(document, name, TEMPLATE_INDICATORS, checks, lang)
                    if name == "client-clean.fods":
                        check_clean(document, name, law_tables, checks)
                        check_clean_indicators(document, name, checks)
                    if name == "client-clean-portable.fods":
                        for key, expected in CLEAN_SUMMARY.items():
                            got = shown(summary_value(document, key))
                            checks.check(same(got, expected), "%s: Summary %s = %r, expected %r"
                                         % (name, key, got, expected))
                        check_clean_indicators(document, name, checks)
                    if name == "client-planted.fods":
                        found = set()
                        for index in range(document.getSheets().getCount()):
                            sheet = document.getSheets().getByIndex(index)
                            for (c, r), _ in error_cells(sheet, used_range(sheet)).items():
                                found.add("%s!%s%d" % (sheet.getName(), column_letter(c), r + 1))
                        # The only error cells are the planted ones (tsv) and the two #N/A
                        # paragraphs the tsv explains.
                        expected = {"Activities!K7", "Participation!E7", "Expenses!F13"}
                        checks.check(found == expected, "client-planted error cells %r"
                                     % sorted(found))
                finally:
                    office.close_document(document)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2
    print("template: %d checks passed, %d failed" % (checks.passed, len(checks.failed)))
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
