#!/usr/bin/python3
"""The OnePercent workbook template and the client samples in a real headless Calc.

Installs the .oxt on a throwaway profile (office.py), checks that the template path of the
extension is registered (File > Templates), then loads each generated template (.ots, en
and fr) and the two samples hidden and read-only, recalculates, and checks
docs/template-layout.md: document properties, the six sheets, the named ranges, sheet
protection with protected computed cells and unprotected inputs, validity lists on input
cells, no error cell (templates and clean sample), and the clean sample's line 53.

    /usr/bin/python3 tests/calc/test_template.py --oxt build/onepercent.oxt \
        --work build/tests/calc/template --templates build/samples/template
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "samples", "template"))

import office  # noqa: E402
from run_fods import column_letter, error_cells, used_range  # noqa: E402
import layout as L  # noqa: E402

# Line 53 of samples/client-clean.fods, by hand (r. 3 and the 2025 rates of law-facts.md).
#
# Hourly rates, s. 7(6) (amount x periods / 1950):
#   E01 62,400/1950 = 32.00;  E02 4,800x12/1950 = 29.538462;  E03 2,300x26/1950 = 30.666667
#   E04 28.50 (hour);  E05 95,000/1950 = 48.717949;  E06 1,250x52/1950 = 33.333333
# Wages, s. 7(5) (hours x rate, to the cent):
#   E01 A01 30h 960.00 | E04 A01 30h 855.00 | E01 A02 14h 448.00 | E06 A02 14h 466.67
#   E05 A03 12h 584.62 | E01 A03 12h 384.00 | E04 A03 12h 342.00 | E06 A03 12h 400.00
#   E02 A04 40h 1,181.54 | E05 A04 10h 487.18 | E03 A05 18h 552.00 | E05 A06 7h 341.03
#   total wages 7,002.04
# Contributions, s. 7(4.1) = (QPP + EI + QPIP + CNESST on the annual salary) x wages / salary,
#   2025: QPP 6.4 % of (min(S, 71,300) - 3,500) + 4 % of (min(S, 81,200) - 71,300)+;
#   EI 1.834 % of min(S, 65,700); QPIP 0.692 % of min(S, 98,000); CNESST 1.85 % of min(S, 98,000)
#   E01 S 62,400: 3,769.60 + 1,144.42 + 431.81 + 1,154.40 = 6,500.23 -> x960/62,400 = 100.00,
#       x448 -> 46.67, x384 -> 40.00
#   E04 S 55,575: 3,332.80 + 1,019.25 + 384.58 + 1,028.14 = 5,764.77 -> x855/55,575 = 88.69,
#       x342 -> 35.48
#   E06 S 65,000: 3,936.00 + 1,192.10 + 449.80 + 1,202.50 = 6,780.40 -> x466.67 = 48.68, x400 = 41.73
#   E05 S 95,000: 4,735.20 (3,769.60 + 4 % x 9,900) + 1,204.94 + 657.40 + 1,757.50 = 8,355.04
#       -> x584.62/95,000 = 51.42, x487.18 -> 42.85, x341.03 -> 29.99
#   E02 S 57,600: 3,462.40 + 1,056.38 + 398.59 + 1,065.60 = 5,982.97 -> x1,181.54 = 122.73
#   E03 S 59,800: 3,603.20 + 1,096.73 + 413.82 + 1,106.30 = 6,220.05 -> x552 = 57.42
#   total contributions 705.66; wages and contributions 7,707.70
# Net expenses (all activities completed in 2025, A05's 2,200 under its parts 2,250):
#   (6,800 - 2,000) + 420 + 1,450 + 380 + 260 + 2,200 + 650 + 1,140 = 11,300.00
# Line 51 = 1 % x 2,480,000 = 24,800.00; line 75 = 1,250.00
# Line 53 = max(0, 24,800.00 - (7,707.70 + 11,300.00) - 1,250.00) = 4,542.30
CLEAN_LINE53 = 4542.30

LIST_KEYS = ("pay_basis", "provider_kind", "expense_kind", "role", "yesno")


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
                       ("OnePercentTemplateVersion", "1.0"), ("OnePercentLanguage", lang)):
        got = user.getPropertyValue(key) if user.getPropertySetInfo().hasPropertyByName(key) \
            else None
        checks.check(got == value, "%s: property %s = %r, expected %r" % (name, key, got, value))
    checks.check(props.Title == L.TITLE[lang], "%s: title %r" % (name, props.Title))

    sheets = document.getSheets()
    names = list(sheets.getElementNames())
    checks.check(names == sheet_names(lang), "%s: sheets %r" % (name, names))
    ranges = document.NamedRanges
    for range_name, _key in L.NAMED_RANGES:
        checks.check(ranges.hasByName(range_name), "%s: named range %s" % (name, range_name))
    # named ranges cover header + data rows
    if ranges.hasByName("Participation"):
        content = ranges.getByName("Participation").getContent()
        checks.check(content.endswith("$G$%d" % L.LAST_DATA_ROW),
                     "%s: Participation range %s" % (name, content))

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
                for row in (1, L.LAST_DATA_ROW - 1):     # 0-based rows 2 and 201
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
                            checks.check(vtype == 1 and all('"%s"' % w in formula
                                                            for w in words),
                                         "%s: %s validity %r %r" % (name, where,
                                                                     validation.Type, formula))
                            checks.check(validation.ShowInputMessage and
                                         validation.InputMessage != "",
                                         "%s: %s has no input help" % (name, where))
    if expect_no_errors:
        for index in range(sheets.getCount()):
            sheet = sheets.getByIndex(index)
            found = error_cells(sheet, used_range(sheet))
            for (c, r), (_code, text) in sorted(found.items())[:10]:
                checks.check(False, "%s: error %s!%s%d = %s" % (name, sheet.getName(),
                                                                column_letter(c), r + 1, text))


def summary_value(document, key):
    row = 1 + [c.key for c in L.SUMMARY].index(key)
    return document.getSheets().getByIndex(5).getCellByPosition(1, row)


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
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    checks = Checks()
    documents = [(os.path.join(args.templates, "onepercent-template-en.ots"), "en", True, True),
                 (os.path.join(args.templates, "onepercent-template-fr.ots"), "fr", True, True),
                 (os.path.join(args.samples, "client-clean.fods"), "en", True, False),
                 (os.path.join(args.samples, "client-planted.fods"), "en", False, False)]
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            check_template_path(the_office, checks)
            for path, lang, no_errors, template in documents:
                name = os.path.basename(path)
                document = the_office.load(path, hidden=True, read_only=True)
                try:
                    document.calculateAll()
                    check_document(document, name, lang, checks, no_errors, template)
                    if name == "client-clean.fods":
                        cell = summary_value(document, "line53")
                        checks.check(abs(cell.getValue() - CLEAN_LINE53) < 0.005
                                     and cell.getError() == 0,
                                     "client-clean line 53 = %r, expected %.2f"
                                     % (cell.getString(), CLEAN_LINE53))
                    if name == "client-planted.fods":
                        found = set()
                        for index in range(document.getSheets().getCount()):
                            sheet = document.getSheets().getByIndex(index)
                            for (c, r), _ in error_cells(sheet, used_range(sheet)).items():
                                found.add("%s!%s%d" % (sheet.getName(), column_letter(c), r + 1))
                        # The only error cells are the planted ones (tsv) and the two #N/A
                        # paragraphs the tsv explains.
                        expected = {"Activities!K7", "Participation!E7", "Expenses!F10"}
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
