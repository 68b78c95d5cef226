#!/usr/bin/python3
"""The portable template as .xlsx follows Excel's conventions (issue 8, "Excel conventions").

Reads each .xlsx as a ZIP of XML with the Python standard library only (no office, no
spreadsheet library) and checks, against samples/template/layout.py:

* data validations survive: every input column of every table, down to its last prepared row,
  and every employer field, has its validation (keyword and yes/no columns a list: inline with
  the language's keywords and at most 255 characters, or a range of the Law sheet holding
  them; numbers decimal, dates date, the year whole, the NEQ a text length);
* input help survives: every validation shows its help, the title is the one of
  help_titles.title() and at most 32 characters (Excel's limit), help and error texts at most
  255, error titles at most 32;
* every sheet is protected WITHOUT a password (no password, hash or salt), the workbook too;
  input cells are unlocked, the Law sheet is hidden;
* the named ranges Employer, Employees, Activities, Participation, Expenses, RL1Summary and
  every WSDRF_* result cell, on the right sheet and rows (1 + OnePercentPreparedRows);
* date columns have a date number format (first and last prepared row), and the Summary's
  retention date (WSDRF_RetentionEnd) too;
* the document properties (OnePercentFlavour = portable, the language, the prepared rows) and
  no call to the add-in in any formula.

Modes:
  templates FILE.xlsx...     the built templates (onepercent-portable-{en,fr}.xlsx)
  filled --work DIR          a filled portable workbook (the clean sample's data, 200 rows,
                             gen_workbook.py --flavour portable) converted by a throwaway
                             office without the extension (samples/make_template_xlsx.py),
                             then the same checks plus the dates: typed dates are stored as
                             numbers with a date format, the retention date is a date
                             (31 December of the sixth year after the fiscal year)
  detects --work DIR FILE    the checks catch each defect planted into copies of FILE: a
                             33-character title, a password, the rows cut at 1001 as
                             LibreOffice writes them, a validation gone, a text date format
"""
import argparse
import datetime
import os
import re
import shutil
import sys
import zipfile
from xml.etree import ElementTree

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "samples", "template"))

import help_titles as H  # noqa: E402
import layout as L  # noqa: E402

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"

PASSWORD_ATTRIBUTES = ("password", "algorithmName", "hashValue", "saltValue", "spinCount",
                       "workbookPassword", "workbookAlgorithmName", "workbookHashValue",
                       "workbookSaltValue", "workbookSpinCount", "revisionsPassword",
                       "revisionsHashValue")
# Excel's built-in date formats (ECMA-376 Part 1, 18.8.30 numFmt): 14-17 and 22, and the
# East Asian ones.
BUILTIN_DATE_FORMATS = set(range(14, 18)) | {22} | set(range(27, 37)) | set(range(50, 59))
EXPECTED_TYPE = {"number": "decimal", "rate": "decimal", "date": "date", "year": "whole",
                 "digits10": "textLength"}


def col_letter(index):
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def col_index(letters):
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - 64
    return value - 1


def true(value):
    return value in ("1", "true")


class Failures(list):
    def check(self, condition, message):
        if not condition:
            self.append(message)
        return condition


class Xlsx:
    """The parts of one .xlsx that the checks read (sheet XML kept as text: the big tables)."""

    def __init__(self, path):
        self.path = path
        self.archive = zipfile.ZipFile(path)
        self.workbook = ElementTree.fromstring(self.archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(self.archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(PKG + "Relationship")}
        self.sheets = []        # (name, state, part)
        for sheet in self.workbook.iter(MAIN + "sheet"):
            target = targets[sheet.get(REL + "id")]
            part = target[1:] if target.startswith("/") else "xl/" + target
            self.sheets.append((sheet.get("name"), sheet.get("state") or "visible", part))
        self.names = {d.get("name"): d.text or "" for d in self.workbook.iter(MAIN + "definedName")
                      if d.get("localSheetId") is None}
        styles = ElementTree.fromstring(self.archive.read("xl/styles.xml"))
        self.formats = {int(f.get("numFmtId")): f.get("formatCode")
                        for f in styles.iter(MAIN + "numFmt")}
        cell_xfs = styles.find(MAIN + "cellXfs")
        self.xfs = list(cell_xfs) if cell_xfs is not None else []
        self.strings = []
        if "xl/sharedStrings.xml" in self.archive.namelist():
            shared = ElementTree.fromstring(self.archive.read("xl/sharedStrings.xml"))
            for item in shared.iter(MAIN + "si"):
                self.strings.append("".join(t.text or "" for t in item.iter(MAIN + "t")))
        self.properties = {}
        if "docProps/custom.xml" in self.archive.namelist():
            custom = ElementTree.fromstring(self.archive.read("docProps/custom.xml"))
            for prop in custom.iter(CUSTOM + "property"):
                self.properties[prop.get("name")] = "".join(prop.itertext())
        self._text = {}

    def close(self):
        self.archive.close()

    def part_of(self, sheet_name):
        for name, _state, part in self.sheets:
            if name == sheet_name:
                return part
        return None

    def text(self, sheet_name):
        part = self.part_of(sheet_name)
        if part not in self._text:
            self._text[part] = self.archive.read(part).decode("utf-8")
        return self._text[part]

    def head(self, sheet_name):
        """The sheet's XML after its cells (protection, validations): small, parsed."""
        text = self.text(sheet_name)
        end = text.find("</sheetData>")
        start = text.find("<sheetData")
        if start < 0 or end < 0:
            return ElementTree.fromstring(text)
        return ElementTree.fromstring(text[:start] + text[end + len("</sheetData>"):])

    def cell(self, sheet_name, ref):
        """(attributes, inner XML) of cell `ref`, or None when the sheet has no record."""
        text = self.text(sheet_name)
        match = re.search(r'<c r="%s"([^>]*?)(/>|>(.*?)</c>)' % ref, text)
        if not match:
            return None
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        return attrs, match.group(3) or ""

    def value(self, sheet_name, ref):
        found = self.cell(sheet_name, ref)
        if found is None:
            return None
        attrs, inner = found
        match = re.search(r"<v>([^<]*)</v>", inner)
        if not match:
            return None
        if attrs.get("t") == "s":
            return self.strings[int(match.group(1))]
        if attrs.get("t") in ("str", "inlineStr", "e"):
            return match.group(1)
        return float(match.group(1))

    def xf(self, sheet_name, ref):
        found = self.cell(sheet_name, ref)
        index = int(found[0].get("s", "0")) if found else 0
        return self.xfs[index] if index < len(self.xfs) else None

    def locked(self, xf):
        protection = xf.find(MAIN + "protection") if xf is not None else None
        return protection is None or protection.get("locked") is None or \
            true(protection.get("locked"))

    def is_date_format(self, xf):
        if xf is None:
            return False
        number = int(xf.get("numFmtId", "0"))
        if number in BUILTIN_DATE_FORMATS:
            return True
        code = self.formats.get(number)
        if not code:
            return False
        code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code).lower()
        return "y" in code or "d" in code


def parse_ranges(sqref):
    """[(first col, first row, last col, last row)] of an sqref."""
    out = []
    for item in sqref.split():
        match = re.match(r"^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$", item)
        if match:
            c1, r1 = col_index(match.group(1)), int(match.group(2))
            c2 = col_index(match.group(3)) if match.group(3) else c1
            r2 = int(match.group(4)) if match.group(4) else r1
            out.append((c1, r1, c2, r2))
    return out


def covers(ranges, col, first, last):
    rows = sorted((r1, r2) for c1, r1, c2, r2 in ranges if c1 <= col <= c2)
    reached = first - 1
    for r1, r2 in rows:
        if r1 > reached + 1:
            break
        reached = max(reached, r2)
    return reached >= last


def sheet_title(key, lang):
    for k, en, fr in L.SHEETS:
        if k == key:
            return en if lang == "en" else fr
    raise KeyError(key)


def unquote_sheet(text):
    """A sheet name as a formula writes it: 'It''s' or Employés."""
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'":
        return text[1:-1].replace("''", "'")
    return text


def law_cells(book, law_name, reference):
    """The texts of a Law-sheet range formula ('Law'!$A$51:$A$90), or None."""
    match = re.match(r"^(.+)!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$", reference)
    if not match or unquote_sheet(match.group(1)) != law_name:
        return None
    col1, row1 = col_index(match.group(2)), int(match.group(3))
    col2, row2 = col_index(match.group(4)), int(match.group(5))
    values = []
    for row in range(row1, row2 + 1):
        for col in range(col1, col2 + 1):
            values.append(book.value(law_name, "%s%d" % (col_letter(col), row)))
    return values


def check_validation(book, failures, where, validation, column, sheet_key, lang, law_name):
    kind = column.kind
    kind_got = validation.get("type", "none")
    if kind == "yesno" or kind.startswith("kw:"):
        words = L.KEYWORDS["yesno" if kind == "yesno" else kind[3:]][lang]
        if failures.check(kind_got == "list", "%s: validation %r, expected a list"
                          % (where, kind_got)):
            formula = validation.findtext(MAIN + "formula1") or ""
            if formula.startswith('"'):
                listed = formula.strip('"').split(",")
                failures.check(listed == words, "%s: list %r, expected %r"
                               % (where, listed, words))
                failures.check(len(formula) - 2 <= H.EXCEL_LIST_LIMIT,
                               "%s: list of %d characters, Excel keeps %d"
                               % (where, len(formula) - 2, H.EXCEL_LIST_LIMIT))
            else:
                cells = law_cells(book, law_name, formula)
                if failures.check(cells is not None, "%s: list source %r is neither a list "
                                  "nor a range of the %s sheet" % (where, formula, law_name)):
                    missing = [w for w in words if w not in cells]
                    failures.check(not missing, "%s: the list %s lacks %r"
                                   % (where, formula, missing))
    elif kind in EXPECTED_TYPE:
        failures.check(kind_got == EXPECTED_TYPE[kind], "%s: validation %r, expected %r"
                       % (where, kind_got, EXPECTED_TYPE[kind]))
    help_text = column.help_en if lang == "en" else column.help_fr
    if help_text:
        expected = H.title(sheet_key, column, lang)
        title = validation.get("promptTitle", "")
        failures.check(true(validation.get("showInputMessage")),
                       "%s: the input help is not shown" % where)
        failures.check(title == expected, "%s: input-help title %r, expected %r"
                       % (where, title, expected))
        failures.check(0 < len(title) <= H.EXCEL_TITLE_LIMIT,
                       "%s: input-help title of %d characters (Excel keeps %d): %r"
                       % (where, len(title), H.EXCEL_TITLE_LIMIT, title))
        failures.check(validation.get("prompt", "") == help_text,
                       "%s: input help %r, expected %r"
                       % (where, validation.get("prompt"), help_text))
    for attribute, limit in (("prompt", H.EXCEL_TEXT_LIMIT), ("error", H.EXCEL_TEXT_LIMIT),
                             ("errorTitle", H.EXCEL_TITLE_LIMIT),
                             ("promptTitle", H.EXCEL_TITLE_LIMIT)):
        text = validation.get(attribute, "")
        failures.check(len(text) <= limit, "%s: %s of %d characters, Excel keeps %d"
                       % (where, attribute, len(text), limit))


def check_book(path, failures, expect_rows=None):
    """Every convention on one .xlsx; returns (book, lang) for further checks."""
    book = Xlsx(path)
    name = os.path.basename(path)
    props = book.properties
    lang = props.get("OnePercentLanguage", "")
    failures.check(lang in ("en", "fr"), "%s: OnePercentLanguage %r" % (name, lang))
    lang = lang if lang in ("en", "fr") else "en"
    failures.check(props.get("OnePercentFlavour") == "portable",
                   "%s: OnePercentFlavour %r" % (name, props.get("OnePercentFlavour")))
    try:
        prepared = int(props.get("OnePercentPreparedRows", ""))
    except ValueError:
        prepared = 0
    failures.check(prepared > 0, "%s: OnePercentPreparedRows %r"
                   % (name, props.get("OnePercentPreparedRows")))
    if expect_rows is not None:
        failures.check(prepared == expect_rows, "%s: %d prepared rows, expected %d"
                       % (name, prepared, expect_rows))
    last_row = L.FIRST_DATA_ROW + prepared - 1

    # -- sheets, protection without a password, the Law sheet hidden
    names = [s[0] for s in book.sheets]
    expected_sheets = [sheet_title(k, lang) for k, _en, _fr in L.SHEETS]
    failures.check(names[:len(expected_sheets)] == expected_sheets,
                   "%s: sheets %r, expected %r first" % (name, names, expected_sheets))
    law_name = "Law" if lang == "en" else "Loi"
    failures.check(names[-1:] == [law_name], "%s: the last sheet is %r, expected %s"
                   % (name, names[-1:], law_name))
    for sheet, state, _part in book.sheets:
        if sheet == law_name:
            failures.check(state in ("hidden", "veryHidden"), "%s: sheet %s is %s, expected "
                           "hidden" % (name, sheet, state))
        head = book.head(sheet)
        protection = head.find(MAIN + "sheetProtection")
        if failures.check(protection is not None and true(protection.get("sheet")),
                          "%s: sheet %s is not protected" % (name, sheet)):
            present = [a for a in PASSWORD_ATTRIBUTES if protection.get(a)]
            failures.check(not present, "%s: sheet %s is protected with a password (%s)"
                           % (name, sheet, ", ".join(present)))
    workbook_protection = book.workbook.find(MAIN + "workbookProtection")
    if workbook_protection is not None:
        present = [a for a in PASSWORD_ATTRIBUTES if workbook_protection.get(a)]
        failures.check(not present, "%s: the workbook structure has a password (%s)"
                       % (name, ", ".join(present)))

    # -- named ranges
    for range_name, key in L.NAMED_RANGES:
        sheet = sheet_title(key, lang)
        if key == "employer":
            end = 1 + len(L.EMPLOYER)
        elif key == "summary":
            end = 1 + len(L.SUMMARY)
        else:
            end = last_row
        text = book.names.get(range_name)
        match = re.match(r"^(.+)!\$A\$1:\$([A-Z]+)\$(\d+)$", text or "")
        failures.check(bool(match) and unquote_sheet(match.group(1)) == sheet and
                       int(match.group(3)) == end,
                       "%s: named range %s = %r, expected %s!$A$1:…$%d"
                       % (name, range_name, text, sheet, end))
    summary = sheet_title("summary", lang)
    for result_name, key in L.RESULT_NAMES:
        row = 2 + [c.key for c in L.SUMMARY].index(key)
        text = book.names.get(result_name, "")
        match = re.match(r"^(.+)!\$B\$(\d+)$", text)
        failures.check(bool(match) and unquote_sheet(match.group(1)) == summary and
                       int(match.group(2)) == row, "%s: named cell %s = %r, expected %s!$B$%d"
                       % (name, result_name, text, summary, row))

    # -- validations, input help, unlocked inputs, date formats
    tables = [("employer", [(c, "B", row) for row, c in enumerate(L.EMPLOYER, start=2)])]
    for key in L.TABLES:
        tables.append((key, [(c, col_letter(i), None) for i, c in enumerate(L.TABLES[key])]))
    for key, columns in tables:
        sheet = sheet_title(key, lang)
        if book.part_of(sheet) is None:
            failures.append("%s: no sheet %s" % (name, sheet))
            continue
        validations = []
        for validation in book.head(sheet).iter(MAIN + "dataValidation"):
            validations.append((parse_ranges(validation.get("sqref", "")), validation))
        for column, letter, fixed_row in columns:
            first, last = (fixed_row, fixed_row) if fixed_row else (L.FIRST_DATA_ROW, last_row)
            where = "%s: %s!%s%d:%s%d (%s)" % (name, sheet, letter, first, letter, last,
                                              column.key)
            if column.computed:
                xf = book.xf(sheet, "%s%d" % (letter, first))
                failures.check(book.locked(xf), "%s: a computed cell is not locked" % where)
                continue
            found = [v for ranges, v in validations
                     if covers(ranges, col_index(letter), first, last)]
            has_rule = validation_wanted(column)
            if failures.check(bool(found) or not has_rule,
                              "%s: no validation covers the column's prepared rows" % where):
                if found:
                    check_validation(book, failures, where, found[0], column, key, lang,
                                     law_name)
            for row in sorted({first, last}):
                ref = "%s%d" % (letter, row)
                xf = book.xf(sheet, ref)
                failures.check(not book.locked(xf), "%s: input cell %s is locked"
                               % (where, ref))
                if column.kind == "date":
                    failures.check(book.is_date_format(xf), "%s: date cell %s has no date "
                                   "format" % (where, ref))
    check_prepared_formulas(book, failures, name, lang, last_row)
    retention = book.names.get("WSDRF_RetentionEnd", "")
    match = re.match(r"^.+!\$([A-Z]+)\$(\d+)$", retention)
    if failures.check(bool(match), "%s: no WSDRF_RetentionEnd cell" % name):
        ref = match.group(1) + match.group(2)
        failures.check(book.is_date_format(book.xf(summary, ref)),
                       "%s: the retention date %s!%s has no date format" % (name, summary, ref))

    # -- built-in functions only
    for sheet, _state, _part in book.sheets:
        text = book.text(sheet)
        for needle in ("ORG.ONEPERCENT", "TRAINING.", "_xll."):
            failures.check(needle not in text, "%s: sheet %s calls %s" % (name, sheet, needle))
    return book, lang


def check_prepared_formulas(book, failures, name, lang, last_row):
    """Every computed column of the tables, the portable flavour's hidden helper columns too
    (layout.PORTABLE_HELPERS), holds its formula down to the last prepared row: LibreOffice
    7.4 stops writing the Activities rows at row 1001, make_template_xlsx copies the rest with
    their relative rows moved.  Row 1001, which the office writes itself, checks the move."""
    for folder in (os.path.join(ROOT, "tests", "calc"), os.path.join(ROOT, "samples")):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    import make_template_xlsx  # noqa: E402  (imports the office bridge: /usr/bin/python3)

    def formula(sheet, ref):
        found = book.cell(sheet, ref)
        match = re.search(r"<f[^>]*>([^<]*)</f>", found[1]) if found else None
        return make_template_xlsx.unescape(match.group(1), make_template_xlsx._ENTITIES) \
            if match else None
    L.use_flavour("portable")
    try:
        for key in L.TABLES:
            sheet = sheet_title(key, lang)
            for index, column in enumerate(L.TABLES[key]):
                if not column.computed:
                    continue
                letter = col_letter(index)
                first = formula(sheet, "%s%d" % (letter, L.FIRST_DATA_ROW))
                if not failures.check(first is not None, "%s: %s!%s%d (%s) holds no formula"
                                      % (name, sheet, letter, L.FIRST_DATA_ROW, column.key)):
                    continue
                for row in sorted({min(1001, last_row), last_row}):
                    want = make_template_xlsx._moved_formula(first, row - L.FIRST_DATA_ROW)
                    have = formula(sheet, "%s%d" % (letter, row))
                    failures.check(have == want, "%s: %s!%s%d (%s) holds %r, expected %r"
                                   % (name, sheet, letter, row, column.key,
                                      (have or "")[:80], want[:80]))
    finally:
        L.use_flavour("linked")


def validation_wanted(column):
    return column.kind == "yesno" or column.kind.startswith("kw:") or \
        column.kind in EXPECTED_TYPE or bool(column.help_en)


# ---- modes ----------------------------------------------------------------------------------

def run_templates(paths, rows):
    status = 0
    for path in paths:
        failures = Failures()
        if not os.path.isfile(path):
            print("FAIL %s: missing (build it: cmake --build)" % path)
            status = 1
            continue
        book, lang = check_book(path, failures, rows)
        book.close()
        report(path, failures)
        status |= 1 if failures else 0
    return status


def report(path, failures):
    for failure in failures[:40]:
        print("FAIL %s" % failure)
    if len(failures) > 40:
        print("... and %d more" % (len(failures) - 40))
    print("%s: %s" % (os.path.basename(path), "conventions kept" if not failures else
                      "%d failures" % len(failures)))


def run_filled(work, law_tables, deadline):
    """A filled portable workbook through the office: dates stay dates."""
    import json
    sys.path.insert(0, os.path.join(ROOT, "samples"))
    sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
    import gen_workbook as G  # noqa: E402  (samples/template)
    import make_template_xlsx  # noqa: E402
    import office  # noqa: E402
    os.makedirs(work, exist_ok=True)
    with open(law_tables, encoding="utf-8") as source:
        tables = json.load(source)
    L.set_data_rows(L.SAMPLE_ROWS)
    book, _findings = G.build("en", "clean", tables, None, "portable")
    source = os.path.join(work, "portable-clean.fods")
    G.write_text(source, book.fods())
    target = os.path.join(work, "portable-clean.xlsx")
    with office.Office(os.path.join(work, "office"), locale="en-US",
                       deadline=deadline) as the_office:
        make_template_xlsx.convert(the_office, source, target)
    failures = Failures()
    xlsx, lang = check_book(target, failures, L.SAMPLE_ROWS)
    epoch = datetime.date(1899, 12, 30)
    dates = 0
    for table, columns in L.TABLES.items():
        sheet = sheet_title(table, lang)
        for (row, col), value in sorted(book.values[table].items()):
            if col >= len(columns) or columns[col].kind != "date" or not value:
                continue
            ref = "%s%d" % (col_letter(col), row)
            found = xlsx.cell(sheet, ref)
            stored = xlsx.value(sheet, ref)
            expected = (datetime.date.fromisoformat(str(value)) - epoch).days
            failures.check(found is not None and found[0].get("t") in (None, "n") and
                           stored == expected, "%s!%s: the date %s is stored as %r (type %r), "
                           "expected the number %d" % (sheet, ref, value, stored,
                                                       found and found[0].get("t"), expected))
            failures.check(xlsx.is_date_format(xlsx.xf(sheet, ref)),
                           "%s!%s: a typed date without a date format" % (sheet, ref))
            dates += 1
    failures.check(dates > 0, "the clean sample has no typed date")
    year = int(book.values["employer"][(G.employer_row("year"), 1)])
    summary = sheet_title("summary", lang)
    match = re.match(r"^.+!\$([A-Z]+)\$(\d+)$", xlsx.names.get("WSDRF_RetentionEnd", ""))
    if match:
        ref = match.group(1) + match.group(2)
        expected = (datetime.date(year + 6, 12, 31) - epoch).days
        stored = xlsx.value(summary, ref)
        failures.check(stored == expected, "%s!%s: the retention date is %r, expected %d "
                       "(%d-12-31)" % (summary, ref, stored, expected, year + 6))
    xlsx.close()
    report(target, failures)
    print("typed dates checked: %d; retention date of %d checked" % (dates, year))
    return 1 if failures else 0


def plant(source, target, part_of_sheet, edit):
    """Copy the .xlsx with one part's text changed by edit(text) -> text."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename == part_of_sheet:
                changed = edit(data.decode("utf-8"))
                if changed == data.decode("utf-8"):
                    raise SystemExit("plant: the edit changed nothing in %s" % part_of_sheet)
                data = changed.encode("utf-8")
            out.writestr(info, data, compress_type=info.compress_type)


def run_detects(work, path):
    """Each planted defect must be reported."""
    os.makedirs(work, exist_ok=True)
    book = Xlsx(path)
    lang = book.properties.get("OnePercentLanguage", "en")
    activities = book.part_of(sheet_title("activities", lang))
    expenses = book.part_of(sheet_title("expenses", lang))
    employer = book.part_of(sheet_title("employer", lang))
    styles = "xl/styles.xml"
    rows = int(book.properties.get("OnePercentPreparedRows", "0"))
    last = L.FIRST_DATA_ROW + rows - 1
    book.close()
    long_title = "x" * (H.EXCEL_TITLE_LIMIT + 1)

    def cut_rows(text):
        # What LibreOffice 7.4 writes without make_template_xlsx's completion.
        start = text.find('<row r="1002"')
        end = text.find("</sheetData>")
        text = text[:start] + text[end:]
        return text.replace(":%s\"" % last, ":1001\"").replace(str(last) + '"', '1001"')

    def text_date_format(text):
        # Every custom number format becomes text ("@"): dates no longer look like dates.
        return re.sub(r'formatCode="[^"]*"', 'formatCode="@"', text)

    plants = [
        ("a 33-character input-help title", employer,
         lambda t: re.sub(r'promptTitle="[^"]*"', 'promptTitle="%s"' % long_title, t, count=1),
         "input-help title"),
        ("a password on a sheet", expenses,
         lambda t: t.replace('<sheetProtection ', '<sheetProtection password="CC3D" ', 1),
         "with a password"),
        ("the Activities rows cut at 1001", activities, cut_rows, "no validation covers"),
        ("a validation gone", expenses,
         lambda t: re.sub(r"<dataValidation [^>]*>.*?</dataValidation>", "", t, count=1),
         "no validation covers"),
        ("dates formatted as text", styles, text_date_format, "no date format"),
    ]
    status = 0
    for label, part, edit, expected in plants:
        target = os.path.join(work, "planted.xlsx")
        plant(path, target, part, edit)
        failures = Failures()
        planted_book, _ = check_book(target, failures)
        planted_book.close()
        caught = [f for f in failures if expected in f]
        print("%s: %s (%d failures, e.g. %s)" % (label, "caught" if caught else "NOT CAUGHT",
                                                len(failures), (caught or failures or [""])[0]))
        status |= 0 if caught else 1
        os.remove(target)
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("templates", "filled", "detects"))
    parser.add_argument("files", nargs="*")
    parser.add_argument("--work", help="scratch folder under the build folder")
    parser.add_argument("--rows", type=int, default=L.TEMPLATE_ROWS,
                        help="prepared rows the templates must have (default %d)"
                             % L.TEMPLATE_ROWS)
    parser.add_argument("--law-tables", help="for filled: onepercent-law-tables' JSON")
    parser.add_argument("--deadline", type=float, default=600.0)
    args = parser.parse_intermixed_args(argv)
    H.check_table()
    L.use_flavour("portable")
    if args.mode == "templates":
        if not args.files:
            parser.error("give the .xlsx files")
        return run_templates(args.files, args.rows)
    if not args.work:
        parser.error("--work is required")
    if args.mode == "filled":
        if not args.law_tables:
            parser.error("--law-tables is required")
        try:
            return run_filled(args.work, args.law_tables, args.deadline)
        finally:
            shutil.rmtree(os.path.join(args.work, "office"), ignore_errors=True)
    if len(args.files) != 1:
        parser.error("detects: give one .xlsx")
    return run_detects(args.work, args.files[0])


if __name__ == "__main__":
    sys.exit(main())
