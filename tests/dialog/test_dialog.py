#!/usr/bin/python3
"""The validation dialog's handler in a real headless Calc (tests/calc/office.py).

Installs the .oxt on a throwaway profile, opens the samples hidden, creates the dialog's
handler as the UNO service org.onepercent.ValidationDialog (XInitialization with the frame,
no menu needed) and drives it through its XDialogEventHandler methods and the dialog's own
controls:

* the findings fill the list sorted by sheet (tab order), row and column, and match
  samples/client-planted.findings.tsv;
* the severity filter; the detail of the selected finding;
* "Go to cell" selects the expected range through the controller;
* validation never modifies the document (isModified stays false);
* JSON and HTML export;
* "Insert report sheet" adds a sheet with the findings, and ONE undo leaves the document as
  it was (same sheet names, same data and formulas);
* "Validate again" sees a fixed cell;
* a document that is not a OnePercent workbook; the clean sample is compliant;
* the menu's protocol handler: Insert function reference (one undo), About, Validate;
* in fr-FR: the dialog's labels (.properties) and the texts written by C++ are French;
* in fr-CA: the office runs in a real French C locale (LC_ALL=fr_CA.UTF-8, compiled with
  localedef into the work folder when the system lacks it), where printf writes a decimal
  comma: the amounts are still "2 452,71 $", never "2 452 ,71 $" (issue 10, item 1).

    /usr/bin/python3 tests/dialog/test_dialog.py --oxt build/onepercent.oxt \
        --work build/tests/dialog/en --samples samples --locale en-US
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))

import office  # noqa: E402
import uno  # noqa: E402

sys.path.insert(0, HERE)
import desktop  # noqa: E402

# True when the office runs on a virtual display (--desktop): window geometry is real.
DESKTOP = False

# An amount as each language writes it: "1 632,30 $" and "$1,632.30".
AMOUNT_FR = r"(?<![\d,.])\d{1,3}( \d{3})*,\d\d \$"
AMOUNT_EN = r"\$\d{1,3}(,\d{3})*\.\d\d(?!\d)"

# Tab order (Certifications: template 1.2, issue 12).
SHEET_ORDER = ["Employer", "Employees", "Activities", "Participation", "Expenses",
               "Certifications", "Summary"]


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
            sys.stderr.write("FAIL: %s\n" % what)

    def equal(self, actual, expected, what):
        self.check(actual == expected, "%s: got %r, expected %r" % (what, actual, expected))


def cell_key(location):
    """(sheet rank, row, column) of "Sheet!C12"; file-level findings first."""
    if not location or location.startswith("("):
        return (-1, -1, -1)
    sheet, _, cell = location.partition("!")
    rank = SHEET_ORDER.index(sheet) if sheet in SHEET_ORDER else len(SHEET_ORDER)
    if not cell:
        return (rank, -1, -1)
    letters = "".join(c for c in cell if c.isalpha())
    digits = "".join(c for c in cell if c.isdigit())
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter.upper()) - 64
    return (rank, int(digits) - 1, column - 1)


def state(handler):
    return {value.Name: value.Value for value in handler.getPropertyValues()}


def call(handler, dialog, method, event=None):
    return handler.callHandlerMethod(dialog, event, method)


def model(dialog, name):
    return dialog.getControl(name).getModel()


def grid_rows(dialog):
    """The findings grid's rows as shown (sorted or not): lists of cell texts."""
    data = model(dialog, "FindingsGrid").GridDataModel
    return [list(data.getRowData(row)) for row in range(data.RowCount)]


def select_row(dialog, row):
    grid = dialog.getControl("FindingsGrid")
    grid.deselectAllRows()
    grid.selectRow(row)


def snapshot(document):
    """Sheet names and, per sheet, the used area's data and formulas."""
    sheets = document.getSheets()
    names = list(sheets.getElementNames())
    contents = []
    for name in names:
        sheet = sheets.getByName(name)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        area = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
        contents.append((area.getDataArray(), area.getFormulaArray()))
    return names, contents


def create_handler(the_office, document, visible=True):
    frame = document.getCurrentController().getFrame()
    arguments = [frame]
    if not visible:
        arguments.append(office.props(Visible=False)[0])
    return the_office.create("org.onepercent.ValidationDialog", *arguments)


def planted_checks(the_office, checks, work, samples, french):
    path = os.path.join(work, "client-planted.fods")
    shutil.copyfile(os.path.join(samples, "client-planted.fods"), path)
    # Not hidden: LibreOffice 7.4 crashes undoing a sheet insertion in a hidden document
    # (ScUndoInsertTab needs an active view), and a person's document is never hidden.
    document = the_office.load(path, hidden=False)
    try:
        checks.check(not document.isModified(), "the planted sample is unmodified after loading")
        before = snapshot(document)
        handler = create_handler(the_office, document)
        values = state(handler)
        dialog = values["Dialog"]
        checks.check(dialog is not None, "the handler holds its dialog")
        checks.equal(values["Language"], "fr" if french else "en", "dialog language")
        checks.check(values["IsTemplate"], "the planted sample is a OnePercent workbook")
        checks.check(not values["Compliant"], "the planted sample is not compliant")

        # The grid: every finding, sorted by sheet (tab order), row and column.
        items = [" ".join(row) for row in grid_rows(dialog)]
        locations = list(values["RowLocations"])
        rules = list(values["RowRules"])
        checks.equal(len(items), values["FindingCount"], "list rows = findings")
        checks.equal(len(locations), len(items), "one location per row")
        keys = [cell_key(location) for location in locations]
        checks.check(keys == sorted(keys), "rows sorted by sheet, row, column: %s" % locations)
        for item, location, rule in zip(items, locations, rules):
            checks.check(location in item and rule in item,
                         "row text %r shows %s and %s" % (item, location, rule))
        expected = []
        with open(os.path.join(samples, "client-planted.findings.tsv"), encoding="utf-8") as tsv:
            for row in csv.DictReader(tsv, delimiter="\t"):
                expected.append((row["rule_id"], row["location"]))
        shown = [(rule, "" if location.startswith("(") else location)
                 for rule, location in zip(rules, locations)]
        checks.equal(sorted(shown), sorted(expected),
                     "findings = samples/client-planted.findings.tsv")
        checks.equal([location for _, location in shown],
                     [location for _, location in expected], "row order = the .tsv's order")

        # Header and verdict.
        verdict = model(dialog, "LabelVerdict").Label
        checks.check(verdict.startswith("NON CONFORME" if french else "NOT COMPLIANT"),
                     "verdict line: %r" % verdict)
        checks.check(("RL-1" in model(dialog, "LabelContribution").Label),
                     "contribution line names RL-1 line 53")
        checks.check("2025" in model(dialog, "LabelYear").Label, "fiscal year 2025 shown")
        checks.check(str(model(dialog, "LabelRuleSet").Label) != "", "rule set shown")

        # Labels from the .properties of the office's UI language: the models hold the
        # keys (&GoToCell.Label), the windows show the strings.
        # (VCL adds "~" mnemonics of its own.)
        shown = dialog.getControl("ButtonGoToCell").getPeer().getProperty("Label").replace("~", "")
        checks.equal(shown, "Aller à la cellule" if french else "Go to cell", "button label")
        checks.equal(dialog.getPeer().getTitle(), "OnePercent : valider le classeur" if french
                     else "OnePercent: validate the workbook", "dialog title")
        shown = dialog.getControl("ButtonExport").getPeer().getProperty("Label").replace("~", "")
        checks.equal(shown, "Exporter le rapport…" if french else "Export report…",
                     "a label with a \\u escape")

        # Filter: errors only, then everything again.
        model(dialog, "CheckWarnings").State = 0
        model(dialog, "CheckInfos").State = 0
        call(handler, dialog, "onFilterChanged")
        severities = list(state(handler)["RowSeverities"])
        checks.check(severities and set(severities) == {"error"},
                     "errors only after the filter: %s" % set(severities))
        checks.equal(len(grid_rows(dialog)), len(severities), "grid rows after the filter")
        all_severities = list(values["RowSeverities"])
        checks.equal(len(severities), all_severities.count("error"),
                     "the filter hides warnings and infos")
        model(dialog, "CheckWarnings").State = 1
        model(dialog, "CheckInfos").State = 1
        call(handler, dialog, "onFilterChanged")
        checks.equal(len(grid_rows(dialog)), len(items), "all rows again")

        # A real grid: columns that can be widened, rows sorted by a column; the selection
        # still names the finding of the row shown.
        columns = model(dialog, "FindingsGrid").ColumnModel.getColumns()
        checks.equal(len(columns), 5, "grid columns")
        checks.check(all(column.Resizeable for column in columns), "every column can be widened")
        data = model(dialog, "FindingsGrid").GridDataModel
        data.sortByColumn(2, True)
        sorted_rules = [row[2] for row in grid_rows(dialog)]
        checks.equal(sorted_rules, sorted(sorted_rules), "rows sorted by rule")
        select_row(dialog, 0)
        call(handler, dialog, "onSelectFinding")
        checks.equal(state(handler)["SelectedLocation"], grid_rows(dialog)[0][1],
                     "the selected row's finding after sorting")
        data.removeColumnSort()
        if french:
            checks.check(any("RLRQ, c. D-8.3, r. 3, art." in row[3] for row in grid_rows(dialog)),
                         "French legal references in the grid")
        else:
            checks.check(any("CQLR, c. D-8.3, r. 3, s." in row[3] for row in grid_rows(dialog)),
                         "legal references in the grid")

        # Beside the data: within the screen's work area, at the right of the document window.
        where = state(handler)
        box, area, window = (list(where["DialogPosSize"]), list(where["WorkArea"]),
                             list(where["DocumentPosSize"]))
        if DESKTOP and len(box) == 4 and len(area) == 4 and area[2] > 0:
            checks.check(area[0] <= box[0] and box[0] + box[2] <= area[0] + area[2] and
                         area[1] <= box[1] and box[1] + box[3] <= area[1] + area[3],
                         "the dialog %s is within the work area %s" % (box, area))
            checks.check(box[0] + box[2] >= window[0] + window[2] - 40,
                         "the dialog %s stands at the right of the document window %s"
                         % (box, window))

        # Every finding's detail: amounts without a space before the decimal mark, French
        # ones as "1 632,30 $" (R-ACT-SUMMARY's recomputed line 53).
        details = []
        for row in range(len(items)):
            select_row(dialog, row)
            call(handler, dialog, "onSelectFinding")
            details.append(model(dialog, "DetailText").Text)
        all_details = "\n".join(details)
        amount_checks(checks, all_details, "the details")
        amount = AMOUNT_FR if french else AMOUNT_EN
        checks.check(re.search(amount, all_details) is not None,
                     "amounts such as %s in the details" % ("1 632,30 $" if french else
                                                             "$1,632.30"))
        if french:
            checks.check("RLRQ, c. D-8.3, r. 3, art. 7(13)" in all_details,
                         "French legal reference in the details")

        # Go to cell: the controller selects Expenses!K2.
        target = "Expenses!K2"
        row = locations.index(target)
        select_row(dialog, row)
        call(handler, dialog, "onSelectFinding")
        detail = model(dialog, "DetailText").Text
        checks.check(target in detail and "R-S7-ASSISTANCE" in detail or
                     "T-FORMULA-OVERWRITTEN" in detail, "detail of the selected finding")
        call(handler, dialog, "onGoToCell")
        controller = document.getCurrentController()
        selection = controller.getSelection()
        address = selection.getRangeAddress()
        checks.equal(controller.getActiveSheet().getName(), "Expenses", "active sheet")
        checks.equal((address.Sheet, address.StartColumn, address.StartRow, address.EndColumn,
                      address.EndRow), (4, 10, 1, 10, 1), "selected range after Go to cell")
        checks.equal(state(handler)["LastMessage"], "", "no message after Go to cell")
        # Scrolled so that the cell is at the left of the view, away from the dialog.
        visible = controller.getVisibleRange()
        checks.check(visible.StartColumn <= 10 <= visible.StartColumn + 1 and
                     visible.StartRow <= 1 <= visible.EndRow,
                     "Expenses!K2 near the left of the visible range %s"
                     % ((visible.StartColumn, visible.StartRow, visible.EndColumn,
                         visible.EndRow),))
        checks.equal(state(handler)["SelectedLocation"], target, "the finding stays selected")

        # Validation (and navigation) never modifies the document.
        call(handler, dialog, "onValidateAgain")
        checks.check(not document.isModified(), "validation leaves the document unmodified")
        checks.equal(state(handler)["SelectedLocation"], target,
                     "Validate again keeps the selected finding")

        # The export suggests an HTML page named after the workbook, beside it.
        checks.equal(state(handler)["SuggestedExport"],
                     office.file_url(os.path.join(work, "client-planted-onepercent.html")),
                     "the export's suggested file")
        checks.check(not state(handler)["UnsavedChanges"], "a saved document is not unsaved")

        # Export: JSON and HTML to files given by URL (the file picker in real use).
        json_path = os.path.join(work, "report.json")
        html_path = os.path.join(work, "report.html")
        for path_out in (json_path, html_path):
            if os.path.exists(path_out):
                os.unlink(path_out)
        call(handler, dialog, "onExport", office.file_url(json_path))
        call(handler, dialog, "onExport", office.file_url(html_path))
        try:
            with open(json_path, encoding="utf-8") as stream:
                exported = json.load(stream)
            text = json.dumps(exported)
            checks.check("R-S7-ASSISTANCE" in text and "K2" in text,
                         "the JSON report holds the findings")
        except (OSError, ValueError) as error:
            checks.check(False, "JSON report readable: %s" % error)
        try:
            with open(html_path, encoding="utf-8") as stream:
                page = stream.read()
            checks.check(page.startswith("<!DOCTYPE html>") and "Expenses!K2" in page,
                         "the HTML report holds the findings")
            checks.check(('lang="fr"' if french else 'lang="en"') in page, "HTML language")
            amount_checks(checks, page, "the HTML report")
            checks.check(re.search(amount, page) is not None, "the HTML report shows amounts")
        except OSError as error:
            checks.check(False, "HTML report readable: %s" % error)
        checks.check(not document.isModified(), "export leaves the document unmodified")

        # Insert report sheet, then one undo.
        call(handler, dialog, "onInsertReportSheet")
        report_name = "Rapport OnePercent" if french else "OnePercent report"
        checks.check(report_name in state(handler)["LastMessage"], "the handler tells the sheet")
        names = list(document.getSheets().getElementNames())
        report_name = "Rapport OnePercent" if french else "OnePercent report"
        checks.equal(names, before[0] + [report_name], "sheets after Insert report sheet")
        if report_name in names:
            sheet = document.getSheets().getByName(report_name)
            checks.equal(sheet.getCellRangeByName("A9").getString(),
                         "Gravité" if french else "Severity", "report table header")
            column_b = [sheet.getCellByPosition(1, 9 + i).getString() for i in range(len(rules))]
            checks.equal(column_b, rules, "report sheet rows = the findings in list order")
        document.getUndoManager().undo()
        after = snapshot(document)
        checks.equal(after[0], before[0], "sheet names after one undo")
        checks.check(after[1] == before[1], "data and formulas after one undo are unchanged")

        # Validate again after fixing a cell: Employer!B3 gets a 10-digit NEQ.
        employer = document.getSheets().getByName("Employer")
        employer.getCellRangeByName("B3").setString("1234567890")
        call(handler, dialog, "onValidateAgain")
        locations_after = list(state(handler)["RowLocations"])
        checks.check("Employer!B3" in locations and "Employer!B3" not in locations_after,
                     "Validate again sees the fixed NEQ")
        checks.equal(state(handler)["LastMessage"], "", "no error message from the handler")
        # Its figures are now of changes not saved: the dialog and the HTML page say so.
        checks.check(state(handler)["UnsavedChanges"], "the edited document has unsaved changes")
        workbook_line = model(dialog, "LabelWorkbook").Label
        checks.check(("modifications non enregistrées" if french else "changes not saved")
                     in workbook_line, "the workbook line says unsaved: %r" % workbook_line)
        unsaved_path = os.path.join(work, "unsaved.html")
        call(handler, dialog, "onExport", office.file_url(unsaved_path))
        try:
            with open(unsaved_path, encoding="utf-8") as stream:
                page = stream.read()
            checks.check(("modifications non enregistrées" if french else "unsaved changes")
                         in page, "the HTML page says its figures are of unsaved changes")
        except OSError as error:
            checks.check(False, "unsaved HTML report readable: %s" % error)

        # The menu's protocol handler on the same frame.
        frame = document.getCurrentController().getFrame()
        dispatcher = the_office.create("com.sun.star.frame.DispatchHelper")
        names_before = list(document.getSheets().getElementNames())
        dispatcher.executeDispatch(frame, "org.onepercent.calc:InsertReference", "", 0, ())
        names_now = list(document.getSheets().getElementNames())
        functions_name = "Fonctions OnePercent" if french else "OnePercent functions"
        checks.equal(names_now, names_before + [functions_name], "Insert function reference")
        if functions_name in names_now:
            sheet = document.getSheets().getByName(functions_name)
            first = sheet.getCellRangeByName("A4").getString()
            prefix = "FORMATION." if french else "TRAINING."
            checks.check(first.startswith(prefix), "function reference lists %s* (%r)"
                         % (prefix, first))
            checks.check(sheet.getCellRangeByName("C4").getString() != "",
                         "function reference has descriptions")
        document.getUndoManager().undo()
        checks.equal(list(document.getSheets().getElementNames()), names_before,
                     "one undo removes the function reference")
        if not DESKTOP:  # a modal box on a desktop: tested headless, where it returns at once
            dispatcher.executeDispatch(frame, "org.onepercent.calc:About", "", 0, ())
        dispatcher.executeDispatch(frame, "org.onepercent.calc:Validate", "", 0, ())
        checks.check(state(handler)["FindingCount"] > 0, "Validate from the menu reuses the dialog")
        call(handler, dialog, "onClose")
    finally:
        office.close_document(document)


def clean_checks(the_office, checks, work, samples, french):
    path = os.path.join(work, "client-clean.fods")
    shutil.copyfile(os.path.join(samples, "client-clean.fods"), path)
    document = the_office.load(path, hidden=True)
    try:
        handler = create_handler(the_office, document, visible=False)
        values = state(handler)
        dialog = values["Dialog"]
        checks.check(values["Compliant"], "the clean sample is compliant")
        checks.equal(values["FindingCount"], 0, "no finding in the clean sample")
        verdict = model(dialog, "LabelVerdict").Label
        checks.check(verdict.startswith("CONFORME" if french else "COMPLIANT"),
                     "clean verdict: %r" % verdict)
        contribution = model(dialog, "LabelContribution").Label
        amount = "2 452,71 $" if french else "$2,452.71"  # samples/README.md
        checks.check(amount in contribution, "line 53 %s in %r" % (amount, contribution))
        checks.check(not document.isModified(), "the clean sample stays unmodified")
    finally:
        office.close_document(document)


def not_a_workbook_checks(the_office, checks, french):
    document = the_office.new_spreadsheet()
    try:
        document.getSheets().getByIndex(0).getCellRangeByName("A1").setString("Budget")
        document.setModified(False)
        handler = create_handler(the_office, document, visible=False)
        values = state(handler)
        dialog = values["Dialog"]
        checks.check(not values["IsTemplate"], "a plain spreadsheet is not a OnePercent workbook")
        verdict = model(dialog, "LabelVerdict").Label
        expected = ("Ce document n'est pas un classeur OnePercent." if french
                    else "This document is not a OnePercent workbook.")
        checks.equal(verdict, expected, "not-a-workbook line")
        checks.check(model(dialog, "ButtonOpenTemplate").Enabled, "Open the template offered")
        checks.check(not model(dialog, "ButtonInsertSheet").Enabled,
                     "no report sheet for a non-workbook")
        checks.check(not document.isModified(), "the plain spreadsheet stays unmodified")
    finally:
        office.close_document(document)


def french_c_locale(work):
    """Makes fr_CA.UTF-8 loadable by the office started from here (LOCPATH to a copy
    compiled under `work` when the system lacks it); True when its decimal mark is a comma."""
    import locale
    import subprocess
    try:
        locale.setlocale(locale.LC_NUMERIC, "fr_CA.UTF-8")
        locale.setlocale(locale.LC_NUMERIC, "C")
    except locale.Error:
        folder = os.path.join(os.path.abspath(work), "locale")
        os.makedirs(folder, exist_ok=True)
        subprocess.run(["localedef", "-c", "-i", "fr_CA", "-f", "UTF-8",
                        os.path.join(folder, "fr_CA.UTF-8")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        os.environ["LOCPATH"] = folder
    probe = subprocess.run(["/usr/bin/printf", "%.2f", "19788.11"], capture_output=True,
                           text=True, env=dict(os.environ, LC_ALL="fr_CA.UTF-8"), check=False)
    return probe.stdout == "19788,11"


def children_of(pid):
    """The process ids whose parent is `pid` (soffice starts soffice.bin)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry, encoding="utf-8") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(entry)
            except (OSError, ValueError, IndexError):
                continue
    return found


def amount_checks(checks, text, what):
    """No space before a decimal comma or point, as printf in a French C locale gave."""
    checks.check(" ," not in text and " ." not in text.replace(" . ", ""),
                 "%s has no space before the decimal mark: %r" % (what, text))


def main():
    parser = office.common_arguments(argparse.ArgumentParser(description=__doc__))
    parser.add_argument("--samples", default=os.path.join(ROOT, "samples"))
    parser.add_argument("--locale", default="en-US", choices=("en-US", "fr-FR", "fr-CA"))
    parser.add_argument("--desktop", action="store_true",
                        help="a desktop office on Xvfb instead of a headless one (it takes the "
                             "C locale from LC_ALL, and its windows have a real geometry)")
    args = parser.parse_args()
    if not args.oxt:
        parser.error("--oxt is required")
    os.makedirs(args.work, exist_ok=True)
    french = args.locale.startswith("fr")
    if args.locale == "fr-CA" and not french_c_locale(args.work):
        print("dialog (fr-CA): no French C locale: install Debian's `locales` package")
        return 1
    checks = Checks()
    global DESKTOP
    DESKTOP = args.desktop and desktop.available()
    if args.desktop and not DESKTOP:
        print("dialog (%s): Xvfb is missing (apt-get install xvfb)" % args.locale)
        return 1

    def run(the_office):
        the_office.install_extension(args.oxt)
        if args.locale == "fr-CA" and DESKTOP:
            checks.check(desktop.process_uses_locale(the_office.process.pid, "fr_CA") or
                         any(desktop.process_uses_locale(int(pid), "fr_CA")
                             for pid in children_of(the_office.process.pid)),
                         "the desktop office runs in the fr_CA C locale (decimal comma)")
        planted_checks(the_office, checks, args.work, args.samples, french)
        clean_checks(the_office, checks, args.work, args.samples, french)
        not_a_workbook_checks(the_office, checks, french)

    if DESKTOP:
        with desktop.VirtualDisplay(args.work) as screen, \
                desktop.DesktopOffice(os.path.join(args.work, "desktop"), screen.display,
                                      locale=args.locale, timeout=args.timeout,
                                      deadline=args.deadline, verbose=args.verbose) as the_office:
            run(the_office)
    else:
        with office.Office(args.work, locale=args.locale, timeout=args.timeout,
                           deadline=args.deadline, verbose=args.verbose) as the_office:
            run(the_office)
    print("dialog (%s): %d passed, %d failed" % (args.locale, checks.passed,
                                                  len(checks.failures)))
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
