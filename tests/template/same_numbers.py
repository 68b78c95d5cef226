#!/usr/bin/python3
"""Same numbers (issue 8): the portable flavour of the workbook computes every figure the
linked flavour computes, in LibreOffice without the extension and in Gnumeric.

For each scenario of scenarios.py, samples/template/gen_workbook.py writes the workbook in
both flavours (--rows 30).  Then, in four steps (four CTest tests, the first one a fixture
of the other three):

  reference    the linked .fods in a headless LibreOffice on a throwaway profile WITH the
               built .oxt installed, recalculated (calculateAll): the value of every computed
               cell (every formula cell of the six sheets, and every cell layout.py calls
               computed) is written to WORK/reference.json, with its formula.  The cells a
               scenario says must be errors (EXPECT_ERRORS) or show a value (EXPECT) are
               checked here.
  libreoffice  the portable .fods in a throwaway profile WITHOUT the extension, recalculated,
               then the .xlsx that office converts it to (cached results removed), reloaded
               and recalculated; also: the last sheet is Law / Loi, hidden and protected; no
               formula of the portable file calls the add-in (no ORG.ONEPERCENT).
  gnumeric     the portable workbook recalculated by Gnumeric (ssconvert --recalc, the
               stand-in for Excel) from two inputs: (1) the zipped ODF gen_workbook.py writes
               (.ots, given to ssconvert as .ods; ssconvert cannot read the flat .fods), and
               (2) the .xlsx LibreOffice (without the extension) converts the portable .fods
               to, the way the shipped onepercent-portable-*.xlsx is made, with every cached
               formula result removed first so that each figure read back is one Gnumeric
               computed.  ssconvert writes .xlsx, read back here with zipfile/ElementTree.
  typed        the empty portable template (gen_workbook.py, no data), as .fods and as the
               .xlsx make_template_xlsx.py makes of it, in LibreOffice without the
               extension: every input of the scenario typed cell by cell with automatic
               calculation on and no calculateAll, as a client fills it (the rows before what
               they look up, the Employer sheet last); the cells it then shows are compared.

Comparison: numbers equal to the cent (both rounded to 2 decimals, half away from zero, from
their 15 significant digits; a difference under 1e-9 across a rounding boundary is
floating-point noise, not a cent), texts equal, empty = empty
(an empty cell and a formula's "" are the same), error = error (any code).  Every differing
cell is printed (workbook, sheet, cell, linked value, portable value, engine, both formulas)
and listed in WORK/<engine>/differences.tsv; any difference fails the test.  Differences below
the cent are counted, not failed.

    /usr/bin/python3 tests/template/same_numbers.py reference --oxt build/onepercent.oxt \
        --law-tables build/samples/law-tables.json --work build/tests/template/same
    /usr/bin/python3 tests/template/same_numbers.py libreoffice --work build/tests/template/same
    /usr/bin/python3 tests/template/same_numbers.py gnumeric --work build/tests/template/same
    /usr/bin/python3 tests/template/same_numbers.py typed --law-tables \
        build/samples/law-tables.json --work build/tests/template/same

Exit status: 0 same numbers, 1 a difference or a failed check, 2 the office, ssconvert or the
generator could not be used.  Offices and ssconvert run in their own process groups and are
ended by them, also on an exception, Ctrl-C or SIGTERM; everything is written under --work.
"""
import argparse
import decimal
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import xml.etree.ElementTree as ElementTree

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TEMPLATE_DIR = os.path.join(ROOT, "samples", "template")
GEN_WORKBOOK = os.path.join(TEMPLATE_DIR, "gen_workbook.py")
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, TEMPLATE_DIR)

import layout as L  # noqa: E402
import gen_workbook as G  # noqa: E402
from scenarios import ROWS, SCENARIOS  # noqa: E402

L.set_data_rows(ROWS)     # the workbooks' prepared rows: where the Summary's sub-tables are

ADDIN_MARK = "ORG.ONEPERCENT"
TABLE_SHEETS = len(L.SHEETS)          # the six sheets of the contract; the Law sheet follows
LAW_SHEET_NAMES = {"en": "Law", "fr": "Loi"}
SSCONVERT_TIMEOUT = 120.0


class SetupError(Exception):
    """A tool could not be used (exit status 2)."""


# ---- cells ----------------------------------------------------------------------------------

def cell_name(row, col):
    """(0-based row, column) -> "E12"."""
    return "%s%d" % (G.col_letter(col), row + 1)


_CELL = re.compile(r"^([A-Z]+)([0-9]+)$")


def cell_position(name):
    match = _CELL.match(name)
    if not match:
        raise ValueError("not a cell name: %r" % name)
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, col - 1


def layout_cells():
    """{sheet index: set of (row, col)}: the cells layout.py makes computed (0-based), for
    workbooks of ROWS prepared rows."""
    index = {key: i for i, (key, _en, _fr) in enumerate(L.SHEETS)}
    cells = {i: set() for i in range(TABLE_SHEETS)}
    for table, columns in L.TABLES.items():
        for col, column in enumerate(columns):
            if column.computed:
                for row in range(L.FIRST_DATA_ROW, L.LAST_DATA_ROW + 1):
                    cells[index[table]].add((row - 1, col))
    summary = cells[index["summary"]]
    for line in L.SUMMARY:
        row = G.summary_row(line.key) - 1
        summary.add((row, 1))
        summary.add((row, 2))
    paragraph_rows = len(L.PARAGRAPHS) + len(L.PARAGRAPH_EXTRA)
    for row in range(L.PARAGRAPH_FIRST - 1, L.PARAGRAPH_FIRST - 1 + paragraph_rows):
        for col in range(1, 5):
            summary.add((row, col))
    for col in range(2, 5):                      # the total line of the paragraphs
        summary.add((L.PARAGRAPH_FIRST - 1 + paragraph_rows, col))
    for first, width in ((L.BY_ACTIVITY_FIRST, len(L.by_activity_row())),
                         (L.BY_EMPLOYEE_FIRST, len(L.by_employee_row()))):
        for row in range(first - 1, first - 1 + L.DATA_ROWS):
            for col in range(width):
                summary.add((row, col))
    return cells


def located(where):
    """(sheet key, data index or None, column key) -> (sheet index, row, col), 0-based."""
    sheet, index, key = where
    sheet_index = [k for k, _en, _fr in L.SHEETS].index(sheet)
    if sheet == "employer":
        return sheet_index, G.employer_row(key) - 1, 1
    if sheet == "summary":
        return sheet_index, G.summary_row(key) - 1, 1
    return sheet_index, L.FIRST_DATA_ROW + index - 1, G.col_index(sheet, key)


# ---- values ---------------------------------------------------------------------------------
# A value read from a workbook: a float, a str (never ""), None (empty, or a formula's ""),
# or {"error": "#N/A"}.

def is_error(value):
    return isinstance(value, dict)


def normal(value):
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int):
        return float(value)
    if value == "":
        return None
    return value


def shown(value):
    if value is None:
        return "(empty)"
    if is_error(value):
        return value["error"] or "(error)"
    if isinstance(value, float):
        return repr(value)
    return repr(value)


def cents(number):
    """A number rounded to the cent, half away from zero, from its 15 significant digits (as
    a spreadsheet shows it; Python's round() works on the binary value and would round
    1430.035 and 1430.025 both to 1430.03)."""
    if math.isinf(number):
        return number
    return decimal.Decimal(format(number, ".15g")).quantize(decimal.Decimal("0.01"),
                                                          rounding=decimal.ROUND_HALF_UP)


def compare(linked, portable):
    """None when the same; else a short reason.  Numbers to the cent."""
    linked, portable = normal(linked), normal(portable)
    if is_error(linked) or is_error(portable):
        return None if is_error(linked) and is_error(portable) else "error vs value"
    if isinstance(linked, float) and isinstance(portable, float):
        if math.isnan(linked) or math.isnan(portable):
            return "nan"
        if cents(linked) == cents(portable) or abs(linked - portable) < 1e-9:
            return None
        return "number"
    if type(linked) is not type(portable):
        return "type"
    return None if linked == portable else "text"


def below_cent(linked, portable):
    linked, portable = normal(linked), normal(portable)
    return (isinstance(linked, float) and isinstance(portable, float) and
            linked != portable and compare(linked, portable) is None and
            abs(linked - portable) >= 1e-9)


# ---- processes ------------------------------------------------------------------------------

def run_bounded(args, timeout, env=None, cwd=None):
    """Run a program in its own process group; kill the group on a timeout, an exception,
    Ctrl-C or SIGTERM (SystemExit).  Returns (exit status, output)."""
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, env=env, cwd=cwd,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        raise SetupError("%s did not finish within %.0f s" % (os.path.basename(args[0]),
                                                              timeout))
    finally:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            process.wait()


def install_signal_handlers():
    def on_signal(number, _frame):
        raise SystemExit(128 + number)
    for number in (signal.SIGTERM, signal.SIGHUP):
        try:
            if signal.getsignal(number) in (signal.SIG_DFL, None):
                signal.signal(number, on_signal)
        except (ValueError, OSError):
            pass


# ---- generation -----------------------------------------------------------------------------

def workbook_paths(work, name):
    folder = os.path.join(work, "workbooks")
    return {"linked": os.path.join(folder, name + ".linked.fods"),
            "portable": os.path.join(folder, name + ".portable.fods"),
            "portable_ods": os.path.join(folder, name + ".portable.ods")}


def generate(scenario, work, law_tables):
    paths = workbook_paths(work, scenario.name)
    os.makedirs(os.path.dirname(paths["linked"]), exist_ok=True)
    env = dict(os.environ)
    env.update(scenario.env)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for flavour, out in (("linked", paths["linked"]), ("portable", paths["portable"]),
                         ("portable", paths["portable_ods"] + ".ots")):
        args = [sys.executable, GEN_WORKBOOK, "--law-tables", law_tables, "--lang",
                scenario.lang, "--rows", str(ROWS), "--flavour", flavour, "--out", out]
        if scenario.module:
            args += ["--fill-module", scenario.module]
        elif scenario.fill:
            args += ["--fill", scenario.fill]
        status, output = run_bounded(args, 120, env=env)
        if status != 0:
            raise SetupError("gen_workbook.py failed for %s (%s): %s"
                             % (scenario.name, flavour, output.strip()))
    # ssconvert picks its importer by the file name: the zipped ODF as .ods.
    os.replace(paths["portable_ods"] + ".ots", paths["portable_ods"])
    return paths


def scenario_expectations(scenario):
    """(expect_errors, expect) of a scenario: its fill module's and its own."""
    errors, expect = list(scenario.expect_errors), dict(scenario.expect)
    if scenario.module:
        import importlib.util
        spec = importlib.util.spec_from_file_location("case_" + scenario.name.replace("-", "_")
                                                      .replace(".", "_"), scenario.module)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        errors += list(getattr(module, "EXPECT_ERRORS", []))
        expect.update(getattr(module, "EXPECT", {}))
    return errors, expect


# ---- LibreOffice ----------------------------------------------------------------------------

def lo_read(document, sheet_indexes):
    """{sheet index: ({(row, col): value}, {(row, col): formula})} over each sheet's used
    area, and the sheet names."""
    from run_fods import used_range
    from com.sun.star.sheet.FormulaResult import ERROR as RESULT_ERROR
    sheets = document.getSheets()
    out = {}
    for index in sheet_indexes:
        sheet = sheets.getByIndex(index)
        area = used_range(sheet)
        data = area.getDataArray()
        formulas = area.getFormulaArray()
        values, texts = {}, {}
        for r, (data_row, formula_row) in enumerate(zip(data, formulas)):
            for c, (value, formula) in enumerate(zip(data_row, formula_row)):
                values[(r, c)] = normal(value)
                if formula.startswith("="):
                    texts[(r, c)] = formula
        for address in area.queryFormulaCells(RESULT_ERROR).getRangeAddresses():
            for r in range(address.StartRow, address.EndRow + 1):
                for c in range(address.StartColumn, address.EndColumn + 1):
                    values[(r, c)] = {"error": sheet.getCellByPosition(c, r).getString()}
        out[index] = (values, texts)
    return out


def lo_open(the_office, path):
    document = the_office.load(path, hidden=True, read_only=True)
    document.calculateAll()
    return document


# ---- reports --------------------------------------------------------------------------------

def describe(sheet_index, row, col):
    """What a computed cell is (0-based position), for grouping differences: a table
    column's key, a Summary line's key, or a Summary sub-table and its column."""
    key = L.SHEETS[sheet_index][0]
    if key in L.TABLES:
        columns = L.TABLES[key]
        return "%s.%s" % (key, columns[col].key if col < len(columns) else G.col_letter(col))
    if key == "summary":
        lines = [c.key for c in L.SUMMARY]
        if 1 <= row <= len(lines):
            return "summary.%s%s" % (lines[row - 1], "" if col == 1 else " (RL-1 line)"
                                     if col == 2 else " col %s" % G.col_letter(col))
        paragraph_rows = len(L.PARAGRAPHS) + len(L.PARAGRAPH_EXTRA)
        for title, first, count, heads in (
                ("by paragraph", L.PARAGRAPH_FIRST - 1, paragraph_rows + 1,
                 L.SUB_TITLES["paragraph_head"]["en"]),
                ("by activity", L.BY_ACTIVITY_FIRST - 1, L.DATA_ROWS,
                 L.SUB_TITLES["activity_head"]["en"]),
                ("by employee", L.BY_EMPLOYEE_FIRST - 1, L.DATA_ROWS,
                 L.SUB_TITLES["employee_head"]["en"])):
            if first <= row < first + count:
                return "summary %s: %s" % (title, heads[col] if col < len(heads)
                                           else G.col_letter(col))
    return "%s %s" % (key, cell_name(row, col))


class Report:
    def __init__(self, engine, folder):
        self.engine = engine
        self.folder = folder
        self.differences = []          # (workbook, sheet, cell, linked, portable, engine,
        #                                 linked formula, portable formula, what)
        self.failures = []
        self.below_cent = 0
        self.compared = 0
        self.groups = {}               # (engine, what) -> [cells, {workbooks}]

    def fail(self, message):
        self.failures.append(message)
        print("FAIL: " + message)

    def difference(self, workbook, sheet, cell, linked, portable, linked_formula,
                   portable_formula, engine, what):
        group = self.groups.setdefault((engine, what), [0, set()])
        first_in_workbook = workbook not in group[1]
        group[0] += 1
        group[1].add(workbook)
        self.differences.append((workbook, sheet, cell, shown(linked), shown(portable),
                                 engine, linked_formula or "", portable_formula or "", what))
        if len(self.differences) > PRINTED_DIFFERENCES:
            return
        print("DIFF %s %s!%s linked=%s portable=%s engine=%s [%s]"
              % (workbook, sheet, cell, shown(linked), shown(portable), engine, what))
        if first_in_workbook:     # the formulas once per workbook and kind of cell
            print("     linked formula:   %s" % (linked_formula or "(constant)"))
            print("     portable formula: %s" % (portable_formula or "(constant)"))

    def roots(self):
        """The differences none of whose precedents (the cells its portable formula names)
        differs: where to look first."""
        differing = {}
        for row in self.differences:
            differing.setdefault((row[0], row[5]), set()).add((row[1], cell_position(row[2])))
        out = []
        for row in self.differences:
            cells = differing[(row[0], row[5])]
            precedents = formula_references(row[7], row[1])
            if not any(sheet == s and (r1 <= r <= r2 and c1 <= c <= c2)
                       for s, (r, c) in cells - {(row[1], cell_position(row[2]))}
                       for sheet, r1, c1, r2, c2 in precedents):
                out.append(row)
        return out

    def write(self):
        os.makedirs(self.folder, exist_ok=True)
        path = os.path.join(self.folder, "differences.tsv")
        with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as out:
            out.write("workbook\tsheet\tcell\tlinked\tportable\tengine\tlinked formula\t"
                      "portable formula\twhat\n")
            for row in self.differences:
                out.write("\t".join(str(x).replace("\t", " ").replace("\n", " ")
                                    for x in row) + "\n")
        os.replace(path + ".tmp", path)
        return path

    def finish(self):
        path = self.write()
        if len(self.differences) > PRINTED_DIFFERENCES:
            print("... and %d more differences (all of them in %s)"
                  % (len(self.differences) - PRINTED_DIFFERENCES, path))
        roots = self.roots() if self.differences else []
        if roots:
            print("root differences (no precedent in the portable formula differs), by kind "
                  "of cell, one example each:")
            seen = {}
            for row in roots:
                seen.setdefault((row[5], row[8]), []).append(row)
            for (engine, what), rows in sorted(seen.items()):
                first = rows[0]
                print("  %s [%s] %d cells, e.g. %s %s!%s linked=%s portable=%s"
                      % (engine, what, len(rows), first[0], first[1], first[2], first[3],
                         first[4]))
                print("     linked formula:   %s" % (first[6] or "(constant)"))
                print("     portable formula: %s" % (first[7] or "(constant)"))
        if self.groups:
            print("differences by kind of cell (engine, cell, cells, workbooks):")
            for (engine, what), (count, books) in sorted(self.groups.items()):
                books = sorted(books)
                print("  %-16s %-45s %5d  %d: %s%s" % (engine, what, count, len(books),
                                                       ", ".join(books[:4]),
                                                       ", ..." if len(books) > 4 else ""))
        print("%s: %d cells compared, %d differ, %d differ below the cent only, %d other "
              "failures; the list: %s" % (self.engine, self.compared, len(self.differences),
                                          self.below_cent, len(self.failures), path))
        return 1 if self.differences or self.failures else 0


PRINTED_DIFFERENCES = 400      # on the output; differences.tsv has them all

_REFERENCE = re.compile(
    r"(?<![\w.$'])(?:\$?(?:'((?:[^']|'')+)'|([^\W\d][\w]*))[.!])?"
    r"\$?([A-Z]{1,3})\$?([0-9]+)(?![\w(])"
    r"(?::(?:\$?(?:'(?:[^']|'')+'|[^\W\d][\w]*)[.!])?\$?([A-Z]{1,3})\$?([0-9]+)(?![\w(]))?")


def formula_references(formula, own_sheet):
    """[(sheet name, first row, first col, last row, last col)] (0-based) of the cell and
    range references of a formula, in LibreOffice ($Sheet.A1:B2) or Excel (Sheet!A1:B2)
    syntax; string literals are skipped."""
    if not formula:
        return []
    text = re.sub(r'"(?:[^"]|"")*"', '""', formula)
    out = []
    for quoted, bare, col1, row1, col2, row2 in _REFERENCE.findall(text):
        sheet = quoted.replace("''", "'") if quoted else bare or own_sheet
        r1, c1 = cell_position(col1 + row1)
        r2, c2 = cell_position(col2 + row2) if col2 else (r1, c1)
        out.append((sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return out


def compare_workbook(report, name, reference, portable_values, portable_formulas, engine):
    """portable_values / portable_formulas: {sheet index: {(row, col): ...}}."""
    for sheet_key, entry in reference["sheets"].items():
        sheet_index = int(sheet_key)
        sheet_name = entry["name"]
        values = portable_values.get(sheet_index, {})
        formulas = portable_formulas.get(sheet_index, {})
        for cell, (linked_value, linked_formula) in entry["cells"].items():
            position = cell_position(cell)
            portable_value = values.get(position)
            report.compared += 1
            if compare(linked_value, portable_value) is not None:
                report.difference(name, sheet_name, cell, linked_value, portable_value,
                                  linked_formula, formulas.get(position), engine,
                                  describe(sheet_index, *position))
            elif below_cent(linked_value, portable_value):
                report.below_cent += 1
                if report.below_cent <= 10:
                    print("note: %s %s!%s differs below the cent: linked=%r portable=%r (%s)"
                          % (name, sheet_name, cell, linked_value, portable_value, engine))


# ---- step 1: the linked reference -----------------------------------------------------------

def step_reference(args):
    import office
    work = os.path.abspath(args.work)
    computed = layout_cells()
    scenarios = selected(args)
    reference = {"rows": ROWS, "workbooks": {}}
    report = Report("reference", os.path.join(work, "reference"))
    paths = {}
    for scenario in scenarios:
        paths[scenario.name] = generate(scenario, work, os.path.abspath(args.law_tables))
    print("generated %d workbooks in both flavours (--rows %d)" % (len(scenarios), ROWS))
    with office.Office(os.path.join(work, "reference", "office"), locale="en-US",
                       timeout=args.timeout, verbose=args.verbose,
                       deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        for scenario in scenarios:
            document = lo_open(the_office, paths[scenario.name]["linked"])
            try:
                names = list(document.getSheets().getElementNames())
                read = lo_read(document, range(TABLE_SHEETS))
            finally:
                office.close_document(document)
            entry = {"lang": scenario.lang, "files": paths[scenario.name], "sheets": {}}
            errors = 0
            for index in range(TABLE_SHEETS):
                values, formulas = read[index]
                cells = set(formulas) | computed[index]
                entry["sheets"][str(index)] = {
                    "name": names[index],
                    "cells": {cell_name(r, c): [values.get((r, c)), formulas.get((r, c))]
                              for r, c in sorted(cells)}}
                errors += sum(1 for (r, c) in cells if is_error(values.get((r, c))))
            check_expectations(report, scenario, read, names)
            reference["workbooks"][scenario.name] = entry
            print("%s: %d computed cells, %d show an error (linked)"
                  % (scenario.name, sum(len(s["cells"]) for s in entry["sheets"].values()),
                     errors))
    path = os.path.join(work, "reference.json")
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        json.dump(reference, out, ensure_ascii=False, indent=0)
    os.replace(path + ".tmp", path)
    print("reference: %s" % path)
    return report.finish()


def check_expectations(report, scenario, read, names):
    expect_errors, expect = scenario_expectations(scenario)
    for where in expect_errors:
        sheet, row, col = located(where)
        value = read[sheet][0].get((row, col))
        if not is_error(value):
            report.fail("%s: %s!%s should show an error in the linked flavour (%r), shows %s"
                        % (scenario.name, names[sheet], cell_name(row, col), where,
                           shown(value)))
    for where, expected in expect.items():
        sheet, row, col = located(where)
        value = normal(read[sheet][0].get((row, col)))
        if compare(normal(expected), value) is not None:
            report.fail("%s: %s!%s (%r) = %s in the linked flavour, expected %s"
                        % (scenario.name, names[sheet], cell_name(row, col), where,
                           shown(value), shown(normal(expected))))


def selected(args):
    if not args.only:
        return SCENARIOS
    pattern = re.compile(args.only)
    chosen = [s for s in SCENARIOS if pattern.search(s.name)]
    if not chosen:
        raise SetupError("--only %r matches no scenario" % args.only)
    return chosen


def load_reference(args):
    path = os.path.join(os.path.abspath(args.work), "reference.json")
    try:
        with open(path, encoding="utf-8") as source:
            reference = json.load(source)
    except (OSError, ValueError) as error:
        raise SetupError("no reference (%s): run the reference step first (%s)"
                         % (path, error))
    if reference.get("rows") != ROWS:
        raise SetupError("the reference has %r rows, expected %d" % (reference.get("rows"),
                                                                     ROWS))
    if args.only:
        pattern = re.compile(args.only)
        reference["workbooks"] = {k: v for k, v in reference["workbooks"].items()
                                  if pattern.search(k)}
    return reference


# ---- step 2: LibreOffice without the extension ----------------------------------------------

def step_libreoffice(args):
    import office
    sys.path.insert(0, os.path.join(ROOT, "samples"))
    import make_template_xlsx  # noqa: E402  (the shipped .xlsx's conversion)
    work = os.path.abspath(args.work)
    reference = load_reference(args)
    # Own folders for each run (they may run in parallel): the office's profile, the list.
    folder = os.path.join(work, "libreoffice-tamper" if args.tamper else
                          "libreoffice-%s" % args.locale)
    engine = "libreoffice (%s)" % args.locale
    report = Report(engine, folder)
    tampered = tamper(reference) if args.tamper else None
    with office.Office(os.path.join(folder, "office"), locale=args.locale,
                       timeout=args.timeout, verbose=args.verbose,
                       deadline=args.deadline) as the_office:
        check_no_extension(the_office, report)
        for name, entry in reference["workbooks"].items():
            path = entry["files"]["portable"]
            check_no_addin_text(report, name, path)
            xlsx = os.path.join(folder, "xlsx", name + ".office.xlsx")
            document = lo_open(the_office, path)
            try:
                sheets = document.getSheets()
                count = sheets.getCount()
                read = lo_read(document, range(count))
                check_law_sheet_lo(report, name, entry["lang"], document)
                if not args.tamper:
                    os.makedirs(os.path.dirname(xlsx), exist_ok=True)
                    document.storeToURL(office.file_url(xlsx),
                                        office.props(FilterName="Calc Office Open XML"))
            finally:
                office.close_document(document)
            if not args.tamper:
                # As the shipped .xlsx is made (samples/make_template_xlsx.py): the named
                # formulas written into the cells.
                make_template_xlsx.inline_named_formulas(
                    xlsx, make_template_xlsx.named_formula_bases(path))
            for index in range(count):
                for cell, formula in read[index][1].items():
                    if ADDIN_MARK in formula.upper():
                        report.fail("%s: sheet %d %s calls the add-in: %s"
                                    % (name, index + 1, cell_name(*cell), formula[:200]))
                        break
            compare_workbook(report, name, entry, {i: read[i][0] for i in read},
                             {i: read[i][1] for i in read}, engine)
            if not args.tamper:
                # The .xlsx a client without the extension opens (the office's conversion,
                # cached results removed), recalculated by the same office.
                stripped = os.path.join(folder, "xlsx", name + ".xlsx")
                strip_cached_values(xlsx, stripped)
                document = lo_open(the_office, stripped)
                try:
                    count = document.getSheets().getCount()
                    read = lo_read(document, range(count))
                    check_law_sheet_lo(report, name + " (.xlsx)", entry["lang"], document)
                finally:
                    office.close_document(document)
                compare_workbook(report, name, entry, {i: read[i][0] for i in read},
                                 {i: read[i][1] for i in read}, engine[:-1] + ", xlsx)")
            print("%s: compared" % name)
    if tampered is not None:
        report.finish()
        found = {(d[0], d[1], d[2]) for d in report.differences}
        missed = [t for t in tampered if t not in found]
        print("tamper: %d of %d changed reference cells reported as differences%s"
              % (len(tampered) - len(missed), len(tampered),
                 "; missed: %r" % missed if missed else ""))
        return 1 if missed or len(tampered) < 4 else 0
    return report.finish()


# ---- step 2b: typed into the portable template, as a client fills it -----------------------

# The order the inputs are typed in: the rows before what they look up (Participation before
# Employees and Activities), the Employer sheet (year, payroll, rates) last, so that every
# kind of reference a computed cell has must tell it of a change: same-row inputs, ranges of
# another sheet, the Employer's cells.
TYPING_ORDER = ("participation", "expenses", "certifications", "activities", "employees",
                "summary", "employer")


def empty_template(folder, lang, law_tables):
    """The portable template a client gets (no data), --rows ROWS, written by this run into
    the step's own folder (a file of an earlier run may come from another generator)."""
    path = os.path.join(folder, "empty.portable.%s.fods" % lang)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    status, output = run_bounded(
        [sys.executable, GEN_WORKBOOK, "--law-tables", law_tables, "--lang", lang,
         "--rows", str(ROWS), "--flavour", "portable", "--out", path + ".part.fods"],
        120, env=env)
    if status != 0:
        raise SetupError("gen_workbook.py failed for the empty %s template: %s"
                         % (lang, output.strip()))
    os.replace(path + ".part.fods", path)
    return path


def typed_inputs(filled, empty):
    """[(sheet index, row, col, kind, content)] that turn the empty template into the filled
    workbook, in TYPING_ORDER: every cell of the contract's sheets whose content differs
    (kind "formula", "value", "string" or "clear")."""
    from run_fods import used_range
    order = [index for key in TYPING_ORDER for index, (k, _en, _fr) in enumerate(L.SHEETS)
             if k == key]
    inputs = []
    for index in order:
        areas = [used_range(document.getSheets().getByIndex(index)) for document in (filled,
                                                                                   empty)]
        rows = max(a.getRangeAddress().EndRow for a in areas) + 1
        columns = max(a.getRangeAddress().EndColumn for a in areas) + 1
        cells = [document.getSheets().getByIndex(index).getCellRangeByPosition(
            0, 0, columns - 1, rows - 1) for document in (filled, empty)]
        data = cells[0].getDataArray()
        formulas = [c.getFormulaArray() for c in cells]
        for r in range(rows):
            for c in range(columns):
                wanted, now = formulas[0][r][c], formulas[1][r][c]
                if wanted == now:
                    continue
                if wanted.startswith("="):
                    inputs.append((index, r, c, "formula", wanted))
                elif wanted == "":
                    inputs.append((index, r, c, "clear", None))
                elif isinstance(data[r][c], float):
                    inputs.append((index, r, c, "value", data[r][c]))
                else:
                    inputs.append((index, r, c, "string", data[r][c]))
    return inputs


def type_inputs(document, inputs, automatic=True):
    """Type `inputs` cell by cell with automatic calculation on (the office's default), as a
    client does: no calculateAll (automatic=False: off, the harness's self-test). Sheets are
    unprotected while typing (a planted scenario writes over computed cells) and protected
    again."""
    from com.sun.star.sheet.CellFlags import VALUE, DATETIME, STRING, FORMULA
    document.enableAutomaticCalculation(automatic)
    sheets = document.getSheets()
    protected = []
    for index in sorted({i for i, _r, _c, _k, _v in inputs}):
        sheet = sheets.getByIndex(index)
        if sheet.isProtected():
            sheet.unprotect("")
            protected.append(sheet)
    for index, row, col, kind, content in inputs:
        cell = sheets.getByIndex(index).getCellByPosition(col, row)
        if kind == "formula":
            cell.setFormula(content)
        elif kind == "value":
            cell.setValue(content)
        elif kind == "string":
            cell.setString(content)
        else:
            cell.clearContents(VALUE | DATETIME | STRING | FORMULA)
    for sheet in protected:
        sheet.protect("")


def step_typed(args):
    """The portable template a client fills in LibreOffice without the extension: each input
    of each scenario typed into the empty template, as .fods and as the .xlsx made from it (no
    calculateAll), and every computed cell then compared with the linked flavour's. A hard recalculation computes every cell; this
    step checks that the cells a client sees follow what is typed (the office's listeners
    of the portable formulas: gen_workbook.one_cell_ranges)."""
    import office
    sys.path.insert(0, os.path.join(ROOT, "samples"))
    import make_template_xlsx  # noqa: E402  (the shipped .xlsx's conversion)
    if not args.law_tables:
        raise SetupError("typed: --law-tables is required")
    work = os.path.abspath(args.work)
    reference = load_reference(args)
    folder = os.path.join(work, "typed-%s%s" % (args.locale,
                                                "-manual" if args.manual else ""))
    engine = "libreoffice typed (%s)" % args.locale
    report = Report(engine, folder)
    typed = 0
    with office.Office(os.path.join(folder, "office"), locale=args.locale,
                       timeout=args.timeout, verbose=args.verbose,
                       deadline=args.deadline) as the_office:
        check_no_extension(the_office, report)
        empty = {}
        for lang in sorted({e["lang"] for e in reference["workbooks"].values()}):
            # The .fods as generated, and the .xlsx made from it as the shipped one is.
            empty[lang] = empty_template(folder, lang, os.path.abspath(args.law_tables))
            xlsx = os.path.join(folder, "empty.portable.%s.xlsx" % lang)
            make_template_xlsx.convert(the_office, empty[lang], xlsx)
            empty[lang] = (empty[lang], xlsx)
        for name, entry in reference["workbooks"].items():
            inputs = None
            for path, label in zip(empty[entry["lang"]], (engine, engine[:-1] + ", xlsx)")):
                document = the_office.load(path, hidden=True)
                try:
                    if inputs is None:    # from the .fods, opened first
                        filled = the_office.load(entry["files"]["portable"], hidden=True,
                                                 read_only=True)
                        try:
                            inputs = typed_inputs(filled, document)
                        finally:
                            office.close_document(filled)
                        if not inputs:
                            break
                    type_inputs(document, inputs, automatic=not args.manual)
                    read = lo_read(document, range(document.getSheets().getCount()))
                finally:
                    office.close_document(document)
                compare_workbook(report, name, entry, {i: read[i][0] for i in read},
                                 {i: read[i][1] for i in read}, label)
            if not inputs:
                report.fail("%s: nothing to type (the workbook equals the empty template)"
                            % name)
                continue
            typed += len(inputs)
            print("%s: %d cells typed into the .fods and the .xlsx, compared"
                  % (name, len(inputs)))
    print("typed: %d cells in %d workbooks" % (typed, len(reference["workbooks"])))
    return report.finish()


def tamper(reference):
    """The harness's self-test: change four cells of the reference (a number by a cent, a
    text, an empty cell, an error) so that the comparison must report each of them;
    returns [(workbook, sheet, cell)]."""
    changes = {"number": lambda v: v + 0.01, "text": lambda v: v + "x",
               "empty": lambda v: "x", "error": lambda v: 0.0}
    done = []
    for name, entry in reference["workbooks"].items():
        for sheet in entry["sheets"].values():
            for cell, pair in sheet["cells"].items():
                value = pair[0]
                kind = ("error" if is_error(value) else "empty" if value is None else
                        "number" if isinstance(value, float) else "text")
                if kind in changes:
                    pair[0] = changes.pop(kind)(value)
                    done.append((name, sheet["name"], cell))
    return done


def check_no_extension(the_office, report):
    """The office of this step must not know the add-in (a fresh profile, nothing
    installed)."""
    manager = the_office.context.getValueByName(
        "/singletons/com.sun.star.deployment.ExtensionManager")
    try:
        deployed = manager.getDeployedExtensions("user", None, None)
    except Exception:  # noqa: BLE001 - older signature
        deployed = ()
    for package in deployed:
        if package is not None and "onepercent" in package.getIdentifier().Value.lower():
            report.fail("the extension is installed in the office of the portable check")


_ODF_FORMULA = re.compile(r'table:formula="([^"]*)"')


def check_no_addin_text(report, name, path):
    """No formula of the portable .fods names the add-in (its ODF programmatic name)."""
    with open(path, encoding="utf-8") as source:
        text = source.read()
    formulas = _ODF_FORMULA.findall(text)
    calls = [f for f in formulas if ADDIN_MARK in f.upper()]
    if calls:
        report.fail("%s: %d formulas of %s call the add-in, e.g. %s"
                    % (name, len(calls), os.path.basename(path), calls[0][:200]))
    if not formulas:
        report.fail("%s: %s has no formula" % (name, os.path.basename(path)))


def check_law_sheet_lo(report, name, lang, document):
    sheets = document.getSheets()
    names = list(sheets.getElementNames())
    expected = LAW_SHEET_NAMES[lang]
    if len(names) != TABLE_SHEETS + 1 or names[-1] != expected:
        report.fail("%s: sheets %r, expected the six sheets and %s last" % (name, names,
                                                                           expected))
        return
    law = sheets.getByIndex(TABLE_SHEETS)
    if law.IsVisible:
        report.fail("%s: the %s sheet is visible" % (name, expected))
    if not law.isProtected():
        report.fail("%s: the %s sheet is not protected" % (name, expected))


# ---- step 3: Gnumeric -----------------------------------------------------------------------

XLSX_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def xlsx_read(path):
    """[(sheet name, state, {(row, col): value}, {(row, col): formula})] of an .xlsx, in
    workbook order; values as above (t="e" an error, t="b" a number)."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(PKG_REL_NS +
                                                                          "Relationship")}
        shared = []
        if "xl/sharedStrings.xml" in names:
            for item in ElementTree.fromstring(archive.read("xl/sharedStrings.xml")) \
                    .iter(XLSX_NS + "si"):
                shared.append("".join(t.text or "" for t in item.iter(XLSX_NS + "t")))
        out = []
        for sheet in workbook.iter(XLSX_NS + "sheet"):
            target = targets[sheet.get(REL_NS + "id")]
            target = target.lstrip("/")
            if not target.startswith("xl/"):
                target = "xl/" + target
            root = ElementTree.fromstring(archive.read(target))
            values, formulas = {}, {}
            for c in root.iter(XLSX_NS + "c"):
                position = cell_position(c.get("r"))
                kind = c.get("t", "n")
                v = c.find(XLSX_NS + "v")
                f = c.find(XLSX_NS + "f")
                text = v.text if v is not None else None
                if f is not None:
                    formulas[position] = "=" + (f.text or "(shared %s)" % f.get("si"))
                if kind == "e":
                    value = {"error": text or ""}
                elif kind == "s":
                    value = shared[int(text)] if text is not None else None
                elif kind == "inlineStr":
                    value = "".join(t.text or "" for t in c.iter(XLSX_NS + "t"))
                elif kind == "str":
                    value = text or ""
                elif kind == "b":
                    value = float(text) if text is not None else None
                else:
                    value = float(text) if text is not None else None
                values[position] = normal(value)
            out.append((sheet.get("name"), sheet.get("state", "visible"), values, formulas))
    return out


_CACHED_VALUE = re.compile(r"(<c\b[^>]*>)(<f\b[^>]*/>|<f\b[^>]*>.*?</f>)<v>[^<]*</v>",
                           re.DOTALL)


def strip_cached_values(source, target):
    """A copy of an .xlsx without the cached results of its formula cells (their <v> and the
    type of the result, t="..."); returns how many were removed."""
    removed = 0
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target + ".tmp", "w",
                                                            zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                text = data.decode("utf-8")
                text, count = _CACHED_VALUE.subn(
                    lambda m: re.sub(r'\st="[^"]*"', "", m.group(1)) + m.group(2), text)
                removed += count
                if re.search(r"</f>\s*<v>", text):
                    raise SetupError("%s: a formula result was not removed" % source)
                data = text.encode("utf-8")
            out.writestr(info, data)
    os.replace(target + ".tmp", target)
    return removed


def ssconvert(source, target, folder, export_type="Gnumeric_Excel:xlsx2", recalc=True):
    program = shutil.which("ssconvert")
    if program is None:
        raise SetupError("ssconvert was not found: apt-get install gnumeric (build.sh "
                         "installs it)")
    home = os.path.join(folder, "home")
    tmp = os.path.join(folder, "tmp")
    os.makedirs(home, exist_ok=True)
    os.makedirs(tmp, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TMPDIR": tmp,
           "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "GSETTINGS_BACKEND": "memory",
           "NO_AT_BRIDGE": "1"}
    if os.path.exists(target):
        os.remove(target)
    args = [program] + (["--recalc"] if recalc else []) + ["--export-type=" + export_type,
                                                           source, target]
    status, output = run_bounded(args, SSCONVERT_TIMEOUT, env=env)
    if status != 0 or not os.path.isfile(target):
        raise SetupError("ssconvert --recalc %s failed (%s): %s"
                         % (os.path.basename(source), status, output.strip()[-2000:]))
    return output


def step_gnumeric(args):
    import office
    sys.path.insert(0, os.path.join(ROOT, "samples"))
    import make_template_xlsx  # noqa: E402  (the shipped .xlsx's conversion)
    work = os.path.abspath(args.work)
    folder = os.path.join(work, "gnumeric")
    reference = load_reference(args)
    report = Report("gnumeric", folder)
    xlsx_dir = os.path.join(folder, "xlsx")
    out_dir = os.path.join(folder, "recalculated")
    for path in (xlsx_dir, out_dir):
        os.makedirs(path, exist_ok=True)
    # (2) the .xlsx LibreOffice (without the extension) makes of the portable .fods.
    with office.Office(os.path.join(folder, "office"), locale="en-US", timeout=args.timeout,
                       verbose=args.verbose, deadline=args.deadline) as the_office:
        for name, entry in reference["workbooks"].items():
            document = the_office.load(entry["files"]["portable"], hidden=True, read_only=True)
            try:
                target = os.path.join(xlsx_dir, name + ".office.xlsx")
                document.storeToURL(office.file_url(target),
                                    office.props(FilterName="Calc Office Open XML"))
            finally:
                office.close_document(document)
            # As the shipped .xlsx is made (samples/make_template_xlsx.py): the named
            # formulas written into the cells.
            make_template_xlsx.inline_named_formulas(
                target, make_template_xlsx.named_formula_bases(entry["files"]["portable"]))
    print("converted %d portable workbooks to .xlsx with LibreOffice"
          % len(reference["workbooks"]))
    languages_checked = set()
    for name, entry in reference["workbooks"].items():
        office_xlsx = os.path.join(xlsx_dir, name + ".office.xlsx")
        stripped = os.path.join(xlsx_dir, name + ".xlsx")
        removed = strip_cached_values(office_xlsx, stripped)
        inputs = [("gnumeric (ods)", entry["files"]["portable_ods"]),
                  ("gnumeric (xlsx)", stripped)]
        for engine, source in inputs:
            target = os.path.join(out_dir, "%s.%s.xlsx" % (
                name, "ods" if source.endswith(".ods") else "xlsx"))
            ssconvert(source, target, folder)
            sheets = xlsx_read(target)
            check_gnumeric_sheets(report, name, entry["lang"], engine, sheets)
            # The Law sheet's state does not depend on the data: one workbook a language.
            if (entry["lang"], engine) not in languages_checked:
                languages_checked.add((entry["lang"], engine))
                check_gnumeric_law_sheet(report, name, entry["lang"], engine, source, folder)
            if engine.endswith("(xlsx)"):
                for sheet_name, _state, _values, formulas in xlsx_read(stripped):
                    for cell, formula in formulas.items():
                        if ADDIN_MARK in formula.upper():
                            report.fail("%s: the .xlsx %s!%s calls the add-in: %s"
                                        % (name, sheet_name, cell_name(*cell), formula[:200]))
                            break
            compare_workbook(report, name, entry, {i: s[2] for i, s in enumerate(sheets)},
                             {i: s[3] for i, s in enumerate(sheets)}, engine)
        print("%s: compared (%d cached results removed from the .xlsx)" % (name, removed))
    return report.finish()


def check_gnumeric_sheets(report, name, lang, engine, sheets):
    names = [s[0] for s in sheets]
    expected = LAW_SHEET_NAMES[lang]
    if len(names) != TABLE_SHEETS + 1 or names[-1] != expected:
        report.fail("%s, %s: sheets %r, expected the six sheets and %s last"
                    % (name, engine, names, expected))


_GNUMERIC_SHEET = re.compile(r"<gnm:Sheet\b([^>]*)>.*?<gnm:Name>([^<]*)</gnm:Name>", re.DOTALL)


def check_gnumeric_law_sheet(report, name, lang, engine, source, folder):
    """The Law / Loi sheet as Gnumeric reads it: hidden (and protected, from the .xlsx;
    Gnumeric's ODF reader drops every sheet's protection).  Gnumeric's .xlsx writer does not
    write a sheet's state, so this reads Gnumeric's own XML format."""
    target = os.path.join(folder, "sheets", "%s.%s.gnumeric.xml"
                          % (name, "ods" if source.endswith(".ods") else "xlsx"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    ssconvert(source, target, folder, export_type="Gnumeric_XmlIO:sax:0", recalc=False)
    with open(target, encoding="utf-8") as xml:
        sheets = [(sheet_name, attributes) for attributes, sheet_name
                  in _GNUMERIC_SHEET.findall(xml.read())]
    expected = LAW_SHEET_NAMES[lang]
    if not sheets or sheets[-1][0] != expected:
        report.fail("%s, %s: Gnumeric reads the sheets %r, expected %s last"
                    % (name, engine, [n for n, _a in sheets], expected))
        return
    attributes = sheets[-1][1]
    if 'Visibility="GNM_SHEET_VISIBILITY_HIDDEN"' not in attributes:
        report.fail("%s, %s: Gnumeric shows the %s sheet (%s)" % (name, engine, expected,
                                                                  attributes.strip()))
    if source.endswith(".xlsx") and 'Protected="1"' not in attributes:
        report.fail("%s, %s: the %s sheet is not protected in Gnumeric" % (name, engine,
                                                                          expected))


# ---- main -----------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("reference", "libreoffice", "typed", "gnumeric"))
    parser.add_argument("--work", required=True,
                        help="folder under the build folder: workbooks, reference.json, "
                             "profiles, the differences")
    parser.add_argument("--oxt", help="reference: the built onepercent.oxt")
    parser.add_argument("--law-tables",
                        help="reference, typed: the JSON of onepercent-law-tables")
    parser.add_argument("--only", help="a regular expression: only the matching scenarios")
    parser.add_argument("--locale", default="en-US", choices=("en-US", "fr-FR"),
                        help="libreoffice, typed: the office's locale (default en-US)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds to wait for an office to start")
    parser.add_argument("--deadline", type=float, default=570.0,
                        help="seconds after which an office is killed whatever it does")
    parser.add_argument("--tamper", action="store_true",
                        help="libreoffice: the harness's self-test: change four reference "
                             "cells, which must be reported as differences")
    parser.add_argument("--manual", action="store_true",
                        help="typed: the harness's self-test: type with automatic "
                             "calculation off, which must show differences")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.step == "reference" and not (args.oxt and args.law_tables):
        parser.error("reference: --oxt and --law-tables are required")
    install_signal_handlers()
    started = time.monotonic()
    try:
        import office
        step = {"reference": step_reference, "libreoffice": step_libreoffice,
                "typed": step_typed, "gnumeric": step_gnumeric}[args.step]
        try:
            status = step(args)
        except office.OfficeError as error:
            print("error: %s" % error)
            return 2
    except SetupError as error:
        print("error: %s" % error)
        return 2
    print("%s: %.0f s" % (args.step, time.monotonic() - started))
    return status


if __name__ == "__main__":
    sys.exit(main())
