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
* in fr-FR: the dialog's labels (.properties) and the texts written by C++ are French.

    /usr/bin/python3 tests/dialog/test_dialog.py --oxt build/onepercent.oxt \
        --work build/tests/dialog/en --samples samples --locale en-US
"""
import argparse
import csv
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))

import office  # noqa: E402
import uno  # noqa: E402

SHEET_ORDER = ["Employer", "Employees", "Activities", "Participation", "Expenses", "Summary"]


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

        # The list: every finding, sorted by sheet (tab order), row and column.
        items = list(dialog.getControl("FindingsList").getItems())
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
        checks.equal(len(dialog.getControl("FindingsList").getItems()), len(severities),
                     "list rows after the filter")
        all_severities = list(values["RowSeverities"])
        checks.equal(len(severities), all_severities.count("error"),
                     "the filter hides warnings and infos")
        model(dialog, "CheckWarnings").State = 1
        model(dialog, "CheckInfos").State = 1
        call(handler, dialog, "onFilterChanged")
        checks.equal(len(dialog.getControl("FindingsList").getItems()), len(items),
                     "all rows again")

        # Go to cell: the controller selects Expenses!K2.
        target = "Expenses!K2"
        row = locations.index(target)
        dialog.getControl("FindingsList").selectItemPos(row, True)
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
        checks.equal(state(handler)["SelectedLocation"], target, "the finding stays selected")

        # Validation (and navigation) never modifies the document.
        call(handler, dialog, "onValidateAgain")
        checks.check(not document.isModified(), "validation leaves the document unmodified")
        checks.equal(state(handler)["SelectedLocation"], target,
                     "Validate again keeps the selected finding")

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
        amount = "4 542,30 $" if french else "$4,542.30"
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


def main():
    parser = office.common_arguments(argparse.ArgumentParser(description=__doc__))
    parser.add_argument("--samples", default=os.path.join(ROOT, "samples"))
    parser.add_argument("--locale", default="en-US", choices=("en-US", "fr-FR"))
    args = parser.parse_args()
    if not args.oxt:
        parser.error("--oxt is required")
    os.makedirs(args.work, exist_ok=True)
    french = args.locale == "fr-FR"
    checks = Checks()
    with office.Office(args.work, locale=args.locale, timeout=args.timeout,
                       deadline=args.deadline, verbose=args.verbose) as the_office:
        the_office.install_extension(args.oxt)
        planted_checks(the_office, checks, args.work, args.samples, french)
        clean_checks(the_office, checks, args.work, args.samples, french)
        not_a_workbook_checks(the_office, checks, french)
    print("dialog (%s): %d passed, %d failed" % (args.locale, checks.passed,
                                                  len(checks.failures)))
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
