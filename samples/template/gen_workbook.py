#!/usr/bin/env python3
"""Write the OnePercent workbook template and the client samples from layout.py.

No office is needed: only the Python standard library.

    # the templates, English and French, flat (.fods) and zipped (.ots):
    python3 samples/template/gen_workbook.py --templates build/samples/template
    # the committed samples (client-clean.fods, client-planted.fods and its findings):
    python3 samples/template/gen_workbook.py --samples samples
    # one file:
    python3 samples/template/gen_workbook.py --lang fr --fill none --out /tmp/t.ots
    python3 samples/template/gen_workbook.py --fill planted --out /tmp/p.fods
    # a client's workbook: the template's 5,000 rows, Participation grown to 50,000
    python3 samples/template/gen_workbook.py --rows 5000 --table-rows participation=50000 \
        --out /tmp/big.fods

The layout (sheets, headers, formulas) is docs/template-layout.md, written as data in
layout.py; the sample data and the planted errors are in samples_data.py.
"""
import argparse
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import layout as L  # noqa: E402
import help_titles as H  # noqa: E402
import template_titles  # noqa: E402

# linked: computed cells call the add-in (TRAINING.*); portable: built-in functions only, the
# law's data on the hidden sheet Law / Loi (issue 8).  Document property OnePercentFlavour.
FLAVOURS = ("linked", "portable")

MIME_SHEET = "application/vnd.oasis.opendocument.spreadsheet"
MIME_TEMPLATE = "application/vnd.oasis.opendocument.spreadsheet-template"

NS = """ xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2\""""


# ---- names and references -------------------------------------------------------------------

def sheet_name(key, lang):
    for k, en, fr in L.SHEETS:
        if k == key:
            return en if lang == "en" else fr
    raise KeyError(key)


def col_letter(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    text = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        text = chr(65 + rem) + text
    return text


def col_index(table, key):
    for i, c in enumerate(L.TABLES[table]):
        if c.key == key:
            return i
    raise KeyError("%s.%s" % (table, key))


def employer_row(key):
    for i, c in enumerate(L.EMPLOYER):
        if c.key == key:
            return 2 + i
    raise KeyError(key)


def summary_row(key):
    for i, c in enumerate(L.SUMMARY):
        if c.key == key:
            return 2 + i
    raise KeyError(key)


def qsheet(key, lang):
    return "'%s'" % sheet_name(key, lang).replace("'", "''")


# An ODF cell reference, [.D5] or [$'Employer'.$B$4], and an ODF string literal (left alone).
_ODF_CELL_OR_STRING = re.compile(
    r"(\"(?:[^\"]|\"\")*\")|\[((?:\$?'(?:[^']|'')*'|\$?[^\[\]'.:\"]*)?)\.(\$?[A-Z]+\$?[0-9]+)\]")


def one_cell_ranges(expression):
    """An ODF expression with each cell reference written as a one-cell range: [.D5] becomes
    [.D5:.D5], [$'Employer'.$B$4] becomes [$'Employer'.$B$4:.$B$4].

    Why (issue 8, measured by bench/bench_flavours.py): LibreOffice groups the cells of a
    column that hold the same named formula, and a group listens to a range once, with one
    listener for the whole column, but to a cell reference once per cell of the column. The
    portable rows name each input several times (the 50,000-row workbook: about 6.5 million
    cell listeners at load). A one-cell range is that cell to every engine: LibreOffice
    takes a one-cell range as its cell, with no implicit intersection (ScInterpreter::
    DoubleRefToPosSingleRef); Gnumeric reads the .ods with the same results (tests/template,
    same_numbers.py); the .xlsx gets plain cell references back (make_template_xlsx)."""
    def one_cell(match):
        if match.group(1):
            return match.group(1)
        return "[%s.%s:.%s]" % (match.group(2), match.group(3), match.group(3))
    return _ODF_CELL_OR_STRING.sub(one_cell, expression)


_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)(@row)?\}|\{row\}|\{lang\}")
_SPAN_PLACEHOLDER = re.compile(r"\{(\w+)\.(\w+)\.\.(\w+)\}")
_LAW_PLACEHOLDER = re.compile(r"\{law\.(\w+)\.(\w+)(?:\.(\d+))?\}")

LAW_HELPER_TITLE = {"en": "Computed for this workbook (formulas, not the law's tables)",
                    "fr": "Calculé pour ce classeur (formules, pas les tables de la loi)"}

# The Law / Loi sheet of the portable flavour for the language being written: the engine's
# "law_sheet" object (onepercent-law-tables) for that language; set by Workbook.
LAW_SHEET = {}


def workbook_helper_rows(lang):
    """{key: 1-based row} of the Law sheet's helper cells (layout.WORKBOOK_HELPERS): below the
    engine's rows, after an empty row and a title row; the value is in column B."""
    first = len(LAW_SHEET[lang]["rows"]) + 3
    return {key: first + i for i, (key, _en, _fr, _f) in enumerate(L.WORKBOOK_HELPERS)}


def workbook_helper_cell(key, lang):
    """{wb.KEY}: the cell of a helper of layout.WORKBOOK_HELPERS on the Law sheet."""
    rows = workbook_helper_rows(lang)
    if key not in rows:
        raise KeyError("no workbook helper %r" % key)
    return "[$'%s'.$B$%d]" % (LAW_SHEET[lang]["name"].replace("'", "''"), rows[key])


def law_reference(block_key, column, row, lang):
    """{law.BLOCK.C} (a data column), {law.BLOCK.C.R} (one cell), {law.BLOCK.all} (every
    column), {law.paragraphs.title} (the titles in the workbook's language)."""
    sheet = LAW_SHEET[lang]
    blocks = [b for b in sheet["blocks"] if b["key"] == block_key]
    if not blocks:
        raise KeyError("no block %r on the Law sheet" % block_key)
    block = blocks[0]
    first = block["first_row"] + 1               # 1-based spreadsheet rows
    last = first + block["rows"] - 1
    name = "'%s'" % sheet["name"].replace("'", "''")
    if column == "all":
        return "[$%s.$A$%d:.$%s$%d]" % (name, first, col_letter(block["columns"] - 1), last)
    if column == "title":
        column = 1 if lang == "en" else 2
    column = int(column)
    if not 0 <= column < block["columns"]:
        raise KeyError("no column %d in block %r" % (column, block_key))
    letter = col_letter(column)
    if row is not None:
        if not 0 <= int(row) < block["rows"]:
            raise KeyError("no row %s in block %r" % (row, block_key))
        return "[$%s.$%s$%d]" % (name, letter, first + int(row))
    return "[$%s.$%s$%d:.$%s$%d]" % (name, letter, first, letter, last)


def expand(template, lang, row, table=None, mirror_row=None):
    """Resolve the placeholders of layout.py (see its docstring) for one cell."""
    def one(match):
        text = match.group(0)
        if text == "{row}":
            return str(row)
        if text == "{lang}":
            return lang
        scope, key, at_row = match.group(1), match.group(2), match.group(3)
        if scope == "text":
            return '"%s"' % L.TEXTS[key][lang].replace('"', '""')
        if scope == "wb":
            return workbook_helper_cell(key, lang)
        if scope == "this":
            return "[.%s%d]" % (col_letter(col_index(table, key)), row)
        if scope == "employer":
            return "[$%s.$B$%d]" % (qsheet("employer", lang), employer_row(key))
        if scope == "summary":
            return "[$%s.$B$%d]" % (qsheet("summary", lang), summary_row(key))
        letter = col_letter(col_index(scope, key))
        if at_row:
            return "[$%s.%s%d]" % (qsheet(scope, lang), letter, mirror_row)
        return "[$%s.$%s$%d:.$%s$%d]" % (qsheet(scope, lang), letter, L.FIRST_DATA_ROW,
                                         letter, L.last_row_of(scope))
    template = _SPAN_PLACEHOLDER.sub(
        lambda m: "[$%s.$%s$%d:.$%s$%d]" % (
            qsheet(m.group(1), lang), col_letter(col_index(m.group(1), m.group(2))),
            L.FIRST_DATA_ROW, col_letter(col_index(m.group(1), m.group(3))),
            L.last_row_of(m.group(1))),
        template)
    template = _LAW_PLACEHOLDER.sub(
        lambda m: law_reference(m.group(1), m.group(2), m.group(3), lang), template)
    return _PLACEHOLDER.sub(one, template)


# ---- RL-1 line numbers (the engine's table, never typed here) -------------------------------

class LawTablesError(Exception):
    pass


def load_law_tables(path):
    """The JSON document of onepercent-law-tables (functions/engine/dump_law_tables.cxx)."""
    import json
    try:
        with open(path, encoding="utf-8") as source:
            return json.load(source)
    except (OSError, ValueError) as error:
        raise LawTablesError("cannot read the law tables %s: %s" % (path, error))


def rl1_numbers(law_tables):
    """{line key: [(first form year, last form year, number)]}: the years, grouped into runs
    of consecutive form years with the same verified number, from the "rl1_lines" object
    {"lines": [key...], "by_form_year": [{"form_year": 2015, "numbers": {key: "50" or
    null}}...]}.  A year absent from the table or null has no number."""
    try:
        rl1 = law_tables["rl1_lines"]
        keys = list(rl1["lines"])
        rows = sorted(((int(entry["form_year"]), entry["numbers"])
                       for entry in rl1["by_form_year"]), key=lambda r: r[0])
    except (KeyError, TypeError, ValueError) as error:
        raise LawTablesError("the law tables have no usable \"rl1_lines\" (%r)" % (error,))
    missing = sorted(set(L.RL1_LINE_KEYS.values()) - set(keys))
    if missing:
        raise LawTablesError("the law tables have no RL-1 line %s" % ", ".join(missing))
    runs = {key: [] for key in keys}
    for key in keys:
        for year, numbers in rows:
            number = numbers.get(key)
            if number is None:
                continue
            if isinstance(number, bool) or not isinstance(number, (str, int)):
                raise LawTablesError("RL-1 line %s of %d is not a text: %r"
                                     % (key, year, number))
            number = str(number)
            if not re.fullmatch(r"[0-9A-Za-z.\-]{1,8}", number):
                raise LawTablesError("RL-1 line %s of %d is not a line number: %r"
                                     % (key, year, number))
            run = runs[key]
            if run and run[-1][1] == year - 1 and run[-1][2] == number:
                run[-1] = (run[-1][0], year, number)
            else:
                run.append((year, year, number))
    return runs


def rl1_line_formula(runs, key):
    """Column C of a Summary line: the RL-1 line number (text) of the form for the
    workbook's fiscal year, empty where the table has no verified number or no year."""
    year = "{employer.year}"
    formula = '""'
    for first, last, number in reversed(runs[key]):
        test = ("%s=%d" % (year, first) if first == last else
                "AND(%s>=%d;%s<=%d)" % (year, first, year, last))
        formula = 'IF(%s;"%s";%s)' % (test, number, formula)
    return "IF(ISNUMBER(%s);%s;\"\")" % (year, formula)


# ---- styles ---------------------------------------------------------------------------------

# Cell styles: (name, data style, protected, extra properties)
AUTOMATIC_STYLES = """
  <number:number-style style:name="Nmoney"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="Nrate"><number:number number:decimal-places="4" number:min-decimal-places="4" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="Nnum"><number:number number:decimal-places="2" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>
  <number:date-style style:name="Ndate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:percentage-style style:name="Npct"><number:number number:decimal-places="3" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:text-style style:name="Ntext"><number:text-content/></number:text-style>
  <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="taH" style:family="table"><style:table-properties table:display="false"/></style:style>
  <style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
  <style:style style:name="roH" style:family="table-row"><style:table-row-properties style:row-height="1.1cm"/></style:style>
  <style:style style:name="hdr" style:family="table-cell"><style:table-cell-properties fo:background-color="#dde4ee" fo:wrap-option="wrap" style:vertical-align="middle" style:cell-protect="protected"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="ttl" style:family="table-cell"><style:table-cell-properties style:cell-protect="protected"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="roN" style:family="table-row"><style:table-row-properties style:row-height="3.4cm"/></style:style>
  <style:style style:name="note" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top" style:cell-protect="protected"/></style:style>
  <style:style style:name="lbl" style:family="table-cell"><style:table-cell-properties style:cell-protect="protected"/></style:style>
  <style:style style:name="in" style:family="table-cell"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inText" style:family="table-cell" style:data-style-name="Ntext"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inNum" style:family="table-cell" style:data-style-name="Nnum"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inMoney" style:family="table-cell" style:data-style-name="Nmoney"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inInt" style:family="table-cell" style:data-style-name="Nint"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inPct" style:family="table-cell" style:data-style-name="Npct"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="inDate" style:family="table-cell" style:data-style-name="Ndate"><style:table-cell-properties style:cell-protect="none"/></style:style>
  <style:style style:name="cText" style:family="table-cell"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cMoney" style:family="table-cell" style:data-style-name="Nmoney"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cRate" style:family="table-cell" style:data-style-name="Nrate"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cInt" style:family="table-cell" style:data-style-name="Nint"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cNum" style:family="table-cell" style:data-style-name="Nnum"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cDate" style:family="table-cell" style:data-style-name="Ndate"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="cPct" style:family="table-cell" style:data-style-name="Npct"><style:table-cell-properties fo:background-color="#eeeeee" style:cell-protect="protected"/></style:style>
  <style:style style:name="lblW" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:cell-protect="protected"/></style:style>
"""

COMPUTED_STYLE = {"text": "cText", "money": "cMoney", "rate": "cRate", "int": "cInt",
                  "num": "cNum", "date": "cDate"}


def input_style(kind):
    if kind in ("id", "text") or kind.startswith("kw:") or kind == "yesno":
        return "in"
    return {"digits10": "inText", "year": "inInt", "number": "inMoney",
            "date": "inDate", "rate": "inPct"}[kind]


def col_width_styles():
    widths = set()
    for cols in L.TABLES.values():
        for c in cols:
            widths.add(c.width)
    widths.update(["8cm", "4cm", "3cm", "5.5cm", "2.8cm", "3.2cm", "6cm"])
    names = {}
    out = []
    for i, w in enumerate(sorted(widths, key=lambda x: float(x[:-2]))):
        names[w] = "co%d" % (i + 1)
        out.append('  <style:style style:name="co%d" style:family="table-column">'
                   '<style:table-column-properties style:column-width="%s"/></style:style>\n'
                   % (i + 1, w))
    return names, "".join(out)


COLUMN_STYLE, COLUMN_STYLES_XML = col_width_styles()


# ---- content validations (Data ▸ Validity) ----------------------------------------------------

MSG = {
    "list_title": {"en": "Keyword", "fr": "Mot clé"},
    "list_error": {"en": "This is not one of the listed keywords. The OnePercent functions "
                         "accept the listed words in English or French, in any case.",
                   "fr": "Ce n'est pas un des mots clés de la liste. Les fonctions OnePercent "
                         "acceptent les mots de la liste en français ou en anglais, sans égard "
                         "à la casse."},
    "num_error": {"en": "Enter a number greater than or equal to 0.",
                  "fr": "Entrez un nombre supérieur ou égal à 0."},
    "rate_error": {"en": "Enter the rate as a percentage below 20 % (e.g. 1.60 %).",
                   "fr": "Entrez le taux en pourcentage, sous 20 % (p. ex. 1,60 %)."},
    "date_error": {"en": "Enter a date (e.g. 2025-03-28).",
                   "fr": "Entrez une date (p. ex. 2025-03-28)."},
    "year_error": {"en": "Enter a calendar year such as 2025.",
                   "fr": "Entrez une année civile comme 2025."},
    "neq_error": {"en": "The NEQ has 10 digits.", "fr": "Le NEQ compte 10 chiffres."},
    "error_title": {"en": "OnePercent", "fr": "OnePercent"},
}


def validation_condition(kind, lang):
    """(condition, display-list, error type, error text) of an input kind, or None.
    ODF separates the two bounds of cell-content-is-between with a comma (what LibreOffice
    writes); with a semicolon the office drops the condition (date, year and rate cells
    accepted anything)."""
    if kind == "yesno" or kind.startswith("kw:"):
        words = L.KEYWORDS["yesno" if kind == "yesno" else kind[3:]][lang]
        cond = "of:cell-content-is-in-list(%s)" % ";".join('"%s"' % w for w in words)
        return cond, "unsorted", "warning", MSG["list_error"][lang]
    if kind == "number":
        return ("of:cell-content-is-decimal-number() and cell-content()>=0", None, "stop",
                MSG["num_error"][lang])
    if kind == "rate":
        # A fraction: the engine refuses 0.2 (20 %) and more, which is a percentage typed
        # as a number (1.82 for 1.82 %).
        return ("of:cell-content-is-decimal-number() and cell-content-is-between(0,0.1999999)",
                None, "stop", MSG["rate_error"][lang])
    if kind == "date":
        return ("of:cell-content-is-date() and cell-content-is-between(1,2958465)", None,
                "stop", MSG["date_error"][lang])
    if kind == "year":
        return ("of:cell-content-is-whole-number() and cell-content-is-between(2004,2200)",
                None, "stop", MSG["year_error"][lang])
    if kind == "digits10":
        return ("of:cell-content-text-length()=10", None, "warning", MSG["neq_error"][lang])
    return None


class Validations:
    """One table:content-validation per (input column, language); named val1, val2...
    `title` is the input help's title, at most 32 characters (help_titles.title)."""

    def __init__(self, lang, flavour="linked"):
        self.lang = lang
        self.flavour = flavour
        self.items = []

    def name_for(self, column, title):
        if len(title) > H.EXCEL_TITLE_LIMIT:
            raise H.TitleError("input-help title longer than %d characters: %r"
                               % (H.EXCEL_TITLE_LIMIT, title))
        spec = validation_condition(column.kind, self.lang)
        if spec is not None and self.flavour == "portable" and column.kind.startswith("kw:"):
            spec = self._law_list(column.kind[3:], spec)
        help_text = column.help_en if self.lang == "en" else column.help_fr
        if spec is None and not help_text:
            return None
        name = "val%d" % (len(self.items) + 1)
        self.items.append((name, spec, title, help_text))
        return name

    def _law_list(self, keyword, spec):
        """Excel keeps at most 255 characters of a list of values (the portable flavour ships
        as .xlsx): a longer keyword list reads the spellings of its block on the Law sheet
        instead (both languages, every spelling the formulas accept)."""
        if len(",".join(L.KEYWORDS[keyword][self.lang])) <= H.EXCEL_LIST_LIMIT:
            return spec
        source = law_reference(keyword, 0, None, self.lang)
        return ("of:cell-content-is-in-list(%s)" % source,) + tuple(spec[1:])

    def xml(self):
        if not self.items:
            return ""
        base = "%s.A1" % qsheet("employer", self.lang)
        out = ["   <table:content-validations>\n"]
        for name, spec, title, help_text in self.items:
            attrs = ['table:name="%s"' % name]
            if spec:
                cond, display_list, err_type, err_text = spec
                attrs.append("table:condition=%s" % quoteattr(cond))
                if display_list:
                    attrs.append('table:display-list="%s"' % display_list)
            else:
                err_type = err_text = None
            attrs.append('table:allow-empty-cell="true"')
            attrs.append("table:base-cell-address=%s" % quoteattr(base))
            out.append("    <table:content-validation %s>\n" % " ".join(attrs))
            out.append('     <table:help-message table:title=%s table:display="true">'
                       "<text:p>%s</text:p></table:help-message>\n"
                       % (quoteattr(title), escape(help_text)))
            if spec:
                out.append('     <table:error-message table:message-type="%s" table:title=%s '
                           'table:display="true"><text:p>%s</text:p></table:error-message>\n'
                           % (err_type, quoteattr(MSG["error_title"][self.lang]),
                              escape(err_text)))
            else:
                out.append('     <table:error-message table:display="false"/>\n')
            out.append("    </table:content-validation>\n")
        out.append("   </table:content-validations>\n")
        return "".join(out)


# ---- cells ----------------------------------------------------------------------------------

class Formula(str):
    """A cell value that is a formula (ODF text without the 'of:=' prefix)."""


class Date(str):
    """A date value, ISO text."""


class Percent(float):
    """A number shown as a percentage (a fraction: 0.016 is 1.6 %)."""


def cell(value=None, style=None, validation=None, repeat=1):
    attrs = []
    if repeat > 1:
        attrs.append('table:number-columns-repeated="%d"' % repeat)
    if style:
        attrs.append('table:style-name="%s"' % style)
    if validation:
        attrs.append('table:content-validation-name="%s"' % validation)
    if value is None or value == "":
        return "<table:table-cell%s/>" % ("" if not attrs else " " + " ".join(attrs))
    if isinstance(value, Formula):
        attrs.append("table:formula=%s" % quoteattr("of:=" + value))
        return "<table:table-cell %s/>" % " ".join(attrs)
    if isinstance(value, Date):
        attrs.append('office:value-type="date" office:date-value="%s"' % value)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), value)
    if isinstance(value, bool):
        raise TypeError("no booleans")
    if isinstance(value, Percent):
        shown = repr(float(value))
        attrs.append('office:value-type="percentage" office:value="%s"' % shown)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), shown)
    if isinstance(value, (int, float)):
        shown = repr(value) if isinstance(value, float) else str(value)
        attrs.append('office:value-type="float" office:value="%s"' % shown)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), shown)
    attrs.append('office:value-type="string"')
    return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
        " ".join(attrs), escape(str(value)))


def row_xml(cells, style="ro1"):
    """One table row; consecutive identical empty cells are merged (columns-repeated)."""
    merged = []
    for c in cells:
        if merged and c == merged[-1][0] and "office:value" not in c and "formula" not in c \
                and "<text:p>" not in c:
            merged[-1][1] += 1
        else:
            merged.append([c, 1])
    out = []
    for c, n in merged:
        if n > 1:
            c = c.replace("<table:table-cell", '<table:table-cell table:number-columns-repeated'
                          '="%d"' % n, 1)
        out.append("     " + c + "\n")
    return '    <table:table-row table:style-name="%s">\n%s    </table:table-row>\n' % (
        style, "".join(out))


# ---- the workbook ---------------------------------------------------------------------------

class Workbook:
    """The cell contents of one workbook: a dict per sheet of (row, col) -> value, plus the
    formulas of the template.  fill() writes sample data over it."""

    def __init__(self, lang, law_tables, flavour="linked"):
        if flavour not in FLAVOURS:
            raise ValueError("flavour %r, expected one of %s" % (flavour, ", ".join(FLAVOURS)))
        self.lang = lang
        self.flavour = flavour
        if flavour == "portable":
            try:
                LAW_SHEET[lang] = law_tables["law_sheet"][lang]
            except (KeyError, TypeError):
                raise LawTablesError("the law tables have no \"law_sheet\" (an older "
                                     "onepercent-law-tables?)")
        self.rl1 = rl1_numbers(law_tables)
        self.values = {key: {} for key, _en, _fr in L.SHEETS}
        self.validations = Validations(lang, flavour)

    # -- data set by the samples --
    def set_employer(self, key, value):
        self.values["employer"][(employer_row(key), 1)] = value

    def set_table_row(self, table, index, record):
        """record: dict key -> value (inputs; a computed key overrides the formula)."""
        row = L.FIRST_DATA_ROW + index
        for key, value in record.items():
            self.values[table][(row, col_index(table, key))] = value

    def set_cell(self, table, row, key, value):
        self.values[table][(row, col_index(table, key))] = value

    def set_summary(self, key, value):
        self.values["summary"][(summary_row(key), 1)] = value

    # -- writing --
    def _value(self, sheet, row, col, default=None):
        return self.values[sheet].get((row, col), default)

    def table_xml(self, key):
        lang = self.lang
        name = sheet_name(key, lang)
        out = ['   <table:table table:name=%s table:style-name="ta1" table:protected="true">\n'
               % quoteattr(name)]
        if key == "employer":
            out.append(self._employer_xml())
        elif key == "summary":
            out.append(self._summary_xml())
        else:
            out.append(self._data_table_xml(key))
        out.append("   </table:table>\n")
        return "".join(out)

    def _data_table_xml(self, table):
        lang = self.lang
        cols = L.TABLES[table]
        out = []
        for c in cols:
            # The portable flavour's helper columns (layout.PORTABLE_HELPERS) are hidden.
            out.append('    <table:table-column table:style-name="%s" %s'
                       '/>\n' % (COLUMN_STYLE[c.width],
                                 'table:visibility="collapse" ' if c.helper else ""))
        out.append(row_xml([cell(c.label(lang), "hdr") for c in cols], style="roH"))
        vnames = {}
        for c in cols:
            if not c.computed:
                vnames[c.key] = self.validations.name_for(c, H.title(table, c, lang))
        for row in range(L.FIRST_DATA_ROW, L.last_row_of(table) + 1):
            cells = []
            for i, c in enumerate(cols):
                value = self._value(table, row, i)
                if c.computed:
                    if value is None:
                        value = self._row_formula("%s_%s" % (table, c.key), table, i, row,
                                                  c.formula, table=table)
                    cells.append(cell(value, COMPUTED_STYLE[c.kind.split(":")[1]]))
                else:
                    cells.append(cell(value, input_style(c.kind), vnames[c.key]))
            out.append(row_xml(cells))
        return "".join(out)

    def _employer_xml(self):
        lang = self.lang
        out = ['    <table:table-column table:style-name="%s"/>\n' % COLUMN_STYLE["8cm"],
               '    <table:table-column table:style-name="%s"/>\n' % COLUMN_STYLE["5.5cm"]]
        head = L.EMPLOYER_HEADER[lang]
        out.append(row_xml([cell(head[0], "hdr"), cell(head[1], "hdr")]))
        for i, c in enumerate(L.EMPLOYER):
            row = 2 + i
            vname = self.validations.name_for(c, H.title("employer", c, lang))
            value = self._value("employer", row, 1)
            if c.kind == "rate" and isinstance(value, (int, float)):
                value = Percent(value)
            out.append(row_xml([cell(c.label(lang), "lbl"),
                                cell(value, input_style(c.kind), vname)]))
        title, text = L.EMPLOYER_NOTE[lang]
        # The template's prepared rows, also after --table-rows (as after inserting rows).
        rows = L.DATA_ROWS
        last = L.LAST_DATA_ROW
        shown = lambda n: format(n, ",").replace(",", "\u00a0" if lang == "fr" else ",")  # noqa
        out.append(row_xml([cell()]))
        out.append(row_xml([cell(title, "ttl")]))
        note = cell(text.format(rows=shown(rows), last=shown(last), before=shown(last - 1)),
                    "note").replace("<table:table-cell ",
                                    '<table:table-cell table:number-columns-spanned="2" ', 1)
        out.append(row_xml([note, "<table:covered-table-cell/>"], style="roN"))
        return "".join(out)

    def _summary_xml(self):
        lang = self.lang
        # Column E also holds the labels of the LMS indicators (1.2, issue 12).
        widths = ["8cm", "5.5cm", "3.2cm", "3.2cm", "6cm", "3.2cm", "3.2cm", "3.2cm",
                  "3.2cm"]
        out = ['    <table:table-column table:style-name="%s"/>\n' % COLUMN_STYLE[w]
               for w in widths]
        indicators = self._indicator_cells()
        out.append(row_xml([cell(h, "hdr") for h in L.SUMMARY_HEADER[lang]] +
                           indicators.get(1, [])))
        row = 2
        for c in L.SUMMARY:
            value = self._value("summary", row, 1)
            if value is None:
                value = Formula(expand(c.formula, lang, row))
            line = None
            if c.key in L.RL1_LINE_KEYS:
                line = Formula(expand(rl1_line_formula(self.rl1, L.RL1_LINE_KEYS[c.key]),
                                      lang, row))
            out.append(row_xml([cell(c.label(lang), "lbl"),
                                cell(value, COMPUTED_STYLE[c.kind.split(":")[1]]),
                                cell(line, "cText")] + indicators.get(row, [])))
            row += 1
        # then one empty row, the title, the head, the paragraphs
        out.append(row_xml([cell()]))
        out.append(row_xml([cell(L.SUB_TITLES["paragraph"][lang], "ttl")]))
        out.append(row_xml([cell(h, "hdr") for h in L.SUB_TITLES["paragraph_head"][lang]],
                           style="roH"))
        assert row + 3 == L.PARAGRAPH_FIRST, (row, L.PARAGRAPH_FIRST)
        row = L.PARAGRAPH_FIRST
        for p in L.PARAGRAPHS:
            formulas = [Formula(expand(f, lang, row)) for f in L.by_paragraph_row()]
            out.append(row_xml([cell(p, "lbl"), cell(formulas[0], "cText")] +
                               [cell(f, "cMoney") for f in formulas[1:]]))
            row += 1
        for key, title in L.PARAGRAPH_EXTRA:
            formulas = [Formula(expand(f, lang, row)) for f in L.by_paragraph_row()]
            out.append(row_xml([cell(L.TEXTS[key][lang], "lbl"), cell(title[lang], "cText")] +
                               [cell(f, "cMoney") for f in formulas[1:]]))
            row += 1
        last = row - 1
        out.append(row_xml([cell(L.SUB_TITLES["total"][lang], "hdr"), cell(None, "hdr")] +
                           [cell(Formula("SUM([.%s%d:.%s%d])" % (x, L.PARAGRAPH_FIRST, x,
                                                                  last)), "cMoney")
                            for x in "CDE"]))
        row += 1
        while row < L.BY_ACTIVITY_FIRST - 2:
            out.append(row_xml([cell()]))
            row += 1
        out.append(row_xml([cell(L.SUB_TITLES["activity"][lang], "ttl")]))
        out.append(row_xml([cell(h, "hdr") for h in L.SUB_TITLES["activity_head"][lang]],
                           style="roH"))
        styles = ["cText", "cText", "cDate", "cInt", "cText", "cNum", "cInt", "cMoney",
                  "cMoney"]
        row = L.BY_ACTIVITY_FIRST
        formulas = L.by_activity_row()
        for i in range(L.rows_of("activities")):
            mirror = L.FIRST_DATA_ROW + i
            out.append(row_xml([cell(self._row_formula(
                "summary_activity_%d" % (k + 1), "summary", k, row, f,
                first_row=L.BY_ACTIVITY_FIRST, mirror_row=mirror), s)
                for k, (f, s) in enumerate(zip(formulas, styles))]))
            row += 1
        out.append(row_xml([cell()]))
        out.append(row_xml([cell(L.SUB_TITLES["employee"][lang], "ttl")]))
        out.append(row_xml([cell(h, "hdr") for h in L.SUB_TITLES["employee_head"][lang]],
                           style="roH"))
        row += 3
        assert row == L.BY_EMPLOYEE_FIRST, (row, L.BY_EMPLOYEE_FIRST)
        styles = ["cText", "cText", "cNum", "cInt", "cMoney"]
        formulas = L.by_employee_row()
        for i in range(L.rows_of("employees")):
            mirror = L.FIRST_DATA_ROW + i
            out.append(row_xml([cell(self._row_formula(
                "summary_employee_%d" % (k + 1), "summary", k, row, f,
                first_row=L.BY_EMPLOYEE_FIRST, mirror_row=mirror), s)
                for k, (f, s) in enumerate(zip(formulas, styles))]))
            row += 1
        return "".join(out)

    def _row_formula(self, key, sheet_key, column, row, template, table=None,
                     first_row=L.FIRST_DATA_ROW, mirror_row=None):
        """The formula of a cell of a column that repeats one formula row by row (a table's
        computed column, a line of the Summary's tables by activity and by employee).

        Linked flavour: the formula itself.  Portable flavour: the name of a relative named
        expression holding the column's formula, written once at its first row (the
        sheet's table:named-expressions, see named_ranges_xml): each cell then holds a
        dozen characters instead of hundreds, and the office loads the workbook about as
        fast as its values alone (issue 8, bench/bench_flavours.py).  Relative references of
        a named expression follow the cell that uses it, as a copied formula would: rows
        inserted the documented way (README, "Tables that grow") compute the same.  Excel,
        LibreOffice and Gnumeric read them (tests/template)."""
        if self.flavour != "portable":
            return Formula(expand(template, self.lang, row, table, mirror_row))
        name = "OP_" + key
        if name not in self.named_formulas:
            first_mirror = None if mirror_row is None else mirror_row - (row - first_row)
            self.named_formulas[name] = (
                "$%s.$%s$%d" % (qsheet(sheet_key, self.lang), col_letter(column), first_row),
                one_cell_ranges(expand(template, self.lang, first_row, table, first_mirror)))
        return Formula(name)

    def _indicator_cells(self):
        """{row: cells D, E, F, G} of the LMS indicators beside Summary rows 1..16
        (layout.indicator_rows); column D stays empty."""
        cells = {}
        for row, items in L.indicator_rows(self.lang).items():
            out = [cell()]
            for kind, payload, style in items:
                value = Formula(expand(payload, self.lang, row)) if kind == "formula" \
                    else payload
                out.append(cell(value, style))
            cells[row] = out
        return cells

    def named_ranges_xml(self):
        out = ["   <table:named-expressions>\n"]
        for name, key in L.NAMED_RANGES:
            q = qsheet(key, self.lang)
            if key == "employer":
                last_col, last_row = "B", 1 + len(L.EMPLOYER)
            elif key == "summary":
                last_col, last_row = "C", 1 + len(L.SUMMARY)
            else:
                last_col = col_letter(len(L.contract_columns(key)) - 1)
                last_row = L.last_row_of(key)
            out.append('    <table:named-range table:name="%s" table:base-cell-address='
                       '"$%s.$A$1" table:cell-range-address="$%s.$A$1:.$%s$%d"/>\n'
                       % (name, q, q, last_col, last_row))
        q = qsheet("summary", self.lang)
        for name, key in L.RESULT_NAMES:
            out.append('    <table:named-range table:name="%s" table:base-cell-address='
                       '"$%s.$A$1" table:cell-range-address="$%s.$B$%d"/>\n'
                       % (name, q, q, summary_row(key)))
        for name, (base, expression) in sorted(getattr(self, "named_formulas", {}).items()):
            out.append('    <table:named-expression table:name="%s" table:base-cell-address='
                       '"%s" table:expression=%s/>\n'
                       % (name, base, quoteattr("of:=" + expression)))
        out.append("   </table:named-expressions>\n")
        return "".join(out)

    def law_sheet_xml(self):
        """The hidden, protected sheet Law / Loi of the portable flavour: the engine's cells
        (functions/engine/law_sheet.cxx), never typed here."""
        sheet = LAW_SHEET[self.lang]
        width = max(len(row) for row in sheet["rows"])
        out = ['   <table:table table:name=%s table:style-name="taH" table:protected="true">\n'
               % quoteattr(sheet["name"]),
               '    <table:table-column table:style-name="%s" />\n' % COLUMN_STYLE["5.5cm"],
               '    <table:table-column table:style-name="%s" '
               'table:number-columns-repeated="%d"/>\n' % (COLUMN_STYLE["3cm"], width - 1)]
        classification = [b for b in sheet["blocks"] if b["key"] == "classification"][0]
        no_answer = range(classification["first_row"],
                          classification["first_row"] + classification["rows"])
        for index, row in enumerate(sheet["rows"]):
            cells = []
            for value in row:
                if value is None and index in no_answer:
                    # No paragraph: #N/A, as TRAINING.PARAGRAPH shows (portable.paragraph).
                    cells.append(cell(Formula("NA()"), "lbl"))
                elif value is None:
                    cells.append(cell())
                elif isinstance(value, bool):
                    raise LawTablesError("a boolean on the Law sheet: %r" % (value,))
                elif isinstance(value, (int, float)):
                    cells.append(cell(float(value) if isinstance(value, float) else value,
                                      "lbl"))
                else:
                    cells.append(cell(str(value), "lbl"))
            cells += [cell()] * (width - len(row))
            out.append(row_xml(cells))
        # The cells computed once for the workbook (layout.WORKBOOK_HELPERS), below the
        # engine's tables (the validator compares the tables' blocks only).
        out.append(row_xml([cell()]))
        out.append(row_xml([cell(LAW_HELPER_TITLE[self.lang], "lbl")]))
        for key, en, fr, formula in L.WORKBOOK_HELPERS:
            out.append(row_xml([cell(en if self.lang == "en" else fr, "lbl"),
                                cell(Formula(expand(formula(), self.lang, 0)), "cInt")]))
        out.append("   </table:table>\n")
        return "".join(out)

    def body_xml(self):
        L.use_flavour(self.flavour)
        self.validations = Validations(self.lang, self.flavour)
        self.named_formulas = {}
        tables = "".join(self.table_xml(key) for key, _en, _fr in L.SHEETS)
        if self.flavour == "portable":
            tables += self.law_sheet_xml()
        # validations are collected while the tables are written: write them first in the file
        return ("  <office:spreadsheet>\n"
                '   <table:calculation-settings table:case-sensitive="false" '
                'table:search-criteria-must-apply-to-whole-cell="true" '
                'table:use-regular-expressions="false" table:use-wildcards="false"/>\n'
                + self.validations.xml() + tables + self.named_ranges_xml() +
                "  </office:spreadsheet>\n")

    # -- meta and settings --
    def meta_inner(self, generator_note):
        lang = self.lang
        props = dict(L.PROPERTIES)
        props["OnePercentLanguage"] = lang
        # How many rows per table the Summary counts (issue 8); the validator reads it.
        props["OnePercentPreparedRows"] = str(L.DATA_ROWS)
        props["OnePercentFlavour"] = self.flavour
        out = ["  <meta:generator>OnePercent gen_workbook.py</meta:generator>\n",
               "  <dc:title>%s</dc:title>\n" % escape(template_titles.title(self.flavour, lang)),
               "  <dc:language>%s</dc:language>\n" % ("en-CA" if lang == "en" else "fr-CA")]
        if generator_note:
            out.append("  <dc:description>%s</dc:description>\n" % escape(generator_note))
        for name in ("OnePercentTemplate", "OnePercentTemplateVersion", "OnePercentLanguage",
                     "OnePercentPreparedRows", "OnePercentFlavour"):
            out.append('  <meta:user-defined meta:name="%s" meta:value-type="string">%s'
                       "</meta:user-defined>\n" % (name, escape(props[name])))
        return "".join(out)

    def settings_inner(self):
        """Freeze the header row of the four tables (nice to have)."""
        items = []
        for key, _en, _fr in L.SHEETS:
            name = sheet_name(key, self.lang)
            frozen = key in L.TABLES
            entries = [("CursorPositionX", "int", 0), ("CursorPositionY", "int", 1),
                       ("HorizontalSplitMode", "short", 0),
                       ("VerticalSplitMode", "short", 2 if frozen else 0),
                       ("HorizontalSplitPosition", "int", 0),
                       ("VerticalSplitPosition", "int", 1 if frozen else 0),
                       ("ActiveSplitRange", "short", 2),
                       ("PositionLeft", "int", 0), ("PositionRight", "int", 0),
                       ("PositionTop", "int", 0), ("PositionBottom", "int", 1 if frozen else 0)]
            items.append('       <config:config-item-map-entry config:name=%s>\n%s'
                         '       </config:config-item-map-entry>\n'
                         % (quoteattr(name), "".join(
                             '        <config:config-item config:name="%s" config:type="%s">%s'
                             '</config:config-item>\n' % e for e in entries)))
        return ('  <config:config-item-set config:name="ooo:view-settings">\n'
                '   <config:config-item-map-indexed config:name="Views">\n'
                '    <config:config-item-map-entry>\n'
                '     <config:config-item config:name="ViewId" config:type="string">view1'
                '</config:config-item>\n'
                '     <config:config-item-map-named config:name="Tables">\n%s'
                '     </config:config-item-map-named>\n'
                '     <config:config-item config:name="ActiveTable" config:type="string">%s'
                '</config:config-item>\n'
                '    </config:config-item-map-entry>\n'
                '   </config:config-item-map-indexed>\n'
                '  </config:config-item-set>\n'
                % ("".join(items), escape(sheet_name("employer", self.lang))))

    # -- files --
    def fods(self, mimetype=MIME_SHEET, note=""):
        body = self.body_xml()
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                "<!-- %s -->\n"
                '<office:document%s\n office:version="1.2" office:mimetype="%s">\n'
                " <office:meta>\n%s </office:meta>\n"
                " <office:settings>\n%s </office:settings>\n"
                " <office:automatic-styles>\n%s%s </office:automatic-styles>\n"
                " <office:body>\n%s </office:body>\n"
                "</office:document>\n"
                % (escape((note or "OnePercent workbook; generated by "
                              "samples/template/gen_workbook.py from "
                              "docs/template-layout.md; do not edit by hand")
                          .replace("--", "")),
                   NS, mimetype, self.meta_inner(note), self.settings_inner(),
                   AUTOMATIC_STYLES, COLUMN_STYLES_XML, body))

    def ots_bytes_to(self, path):
        body = self.body_xml()
        content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<office:document-content%s office:version="1.2">\n'
                   " <office:automatic-styles>\n%s%s </office:automatic-styles>\n"
                   " <office:body>\n%s </office:body>\n"
                   "</office:document-content>\n"
                   % (NS, AUTOMATIC_STYLES, COLUMN_STYLES_XML, body))
        styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<office:document-styles%s office:version="1.2">\n'
                  " <office:styles>\n"
                  '  <style:default-style style:family="table-cell">'
                  '<style:table-cell-properties style:cell-protect="protected"/>'
                  "</style:default-style>\n"
                  '  <style:style style:name="Default" style:family="table-cell"/>\n'
                  " </office:styles>\n"
                  "</office:document-styles>\n" % NS)
        meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<office:document-meta%s office:version="1.2">\n'
                " <office:meta>\n%s </office:meta>\n"
                "</office:document-meta>\n" % (NS, self.meta_inner("")))
        settings = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<office:document-settings%s office:version="1.2">\n'
                    " <office:settings>\n%s </office:settings>\n"
                    "</office:document-settings>\n" % (NS, self.settings_inner()))
        manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                    'xmlns:manifest:1.0" manifest:version="1.2">\n'
                    ' <manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                    'manifest:media-type="%s"/>\n'
                    ' <manifest:file-entry manifest:full-path="content.xml" '
                    'manifest:media-type="text/xml"/>\n'
                    ' <manifest:file-entry manifest:full-path="styles.xml" '
                    'manifest:media-type="text/xml"/>\n'
                    ' <manifest:file-entry manifest:full-path="meta.xml" '
                    'manifest:media-type="text/xml"/>\n'
                    ' <manifest:file-entry manifest:full-path="settings.xml" '
                    'manifest:media-type="text/xml"/>\n'
                    "</manifest:manifest>\n" % MIME_TEMPLATE)
        fixed = (2025, 1, 1, 0, 0, 0)   # reproducible archives
        tmp = path + ".tmp"
        with zipfile.ZipFile(tmp, "w") as z:
            info = zipfile.ZipInfo("mimetype", fixed)
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, MIME_TEMPLATE)
            for name, text in (("content.xml", content), ("styles.xml", styles),
                               ("meta.xml", meta), ("settings.xml", settings),
                               ("META-INF/manifest.xml", manifest)):
                info = zipfile.ZipInfo(name, fixed)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, text.encode("utf-8"))
        os.replace(tmp, path)


def write_text(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(tmp, path)


def load_fill_module(path):
    """A Python file whose fill(book) writes a workbook's data (tests' scenario workbooks,
    e.g. tests/template/cases.py); it may return findings like samples_data.fill."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("onepercent_fill_module", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(lang, fill, law_tables, fill_module=None, flavour="linked"):
    book = Workbook(lang, law_tables, flavour)
    findings = []
    if fill_module is not None:
        findings = fill_module.fill(book) or []
    elif fill != "none":
        import samples_data
        findings = samples_data.fill(book, fill)
    return book, findings


def write_templates(folder, law_tables):
    os.makedirs(folder, exist_ok=True)
    L.set_data_rows(L.TEMPLATE_ROWS)
    for flavour, stem in (("linked", "onepercent-template"),
                          ("portable", "onepercent-portable")):
        for lang in ("en", "fr"):
            book, _ = build(lang, "none", law_tables, flavour=flavour)
            base = os.path.join(folder, "%s-%s" % (stem, lang))
            write_text(base + ".fods", book.fods())
            book.ots_bytes_to(base + ".ots")


def write_samples(folder, law_tables):
    import samples_data
    os.makedirs(folder, exist_ok=True)
    L.set_data_rows(L.SAMPLE_ROWS)      # the samples stay small (layout.py)
    for fill in ("clean", "planted"):
        book, findings = build("en", fill, law_tables)
        note = samples_data.NOTES[fill]
        write_text(os.path.join(folder, "client-%s.fods" % fill), book.fods(note=note))
        if fill == "planted":
            lines = ["rule_id\tlocation\tnote\n"] + ["%s\t%s\t%s\n" % f for f in findings]
            write_text(os.path.join(folder, "client-planted.findings.tsv"), "".join(lines))


def parse_table_rows(parser, items, rows):
    """{table: N} of the --table-rows TABLE=N options (N from --rows to 100000)."""
    table_rows = {}
    for item in items:
        table, equals, count = item.partition("=")
        table = table.strip().lower()
        if not equals or table not in L.GROWING_TABLES:
            parser.error("--table-rows %r: expected TABLE=N, TABLE one of %s"
                         % (item, ", ".join(L.GROWING_TABLES)))
        if table in table_rows:
            parser.error("--table-rows: %s given twice" % table)
        try:
            table_rows[table] = int(count)
        except ValueError:
            parser.error("--table-rows %r: N is not a whole number" % item)
        if not rows <= table_rows[table] <= 100000:
            parser.error("--table-rows %r: expected N from --rows (%d) to 100000" % (item, rows))
    return table_rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--templates", metavar="DIR",
                        help="write onepercent-template-{en,fr}.{fods,ots} (linked) and "
                             "onepercent-portable-{en,fr}.{fods,ots} into DIR")
    parser.add_argument("--samples", metavar="DIR",
                        help="write client-clean.fods, client-planted.fods and "
                             "client-planted.findings.tsv into DIR")
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.add_argument("--fill", choices=("none", "clean", "planted"), default="none")
    parser.add_argument("--out", help="one file: .fods or .ots (template mimetype)")
    parser.add_argument("--flavour", choices=FLAVOURS, default="linked",
                        help="for --out: linked (add-in calls) or portable (built-in "
                             "functions only, the Law sheet)")
    parser.add_argument("--fill-module", metavar="FILE.py",
                        help="for --out: a Python file whose fill(book) writes the data")
    parser.add_argument("--law-tables", metavar="FILE", required=True,
                        help="the JSON printed by onepercent-law-tables (the engine's RL-1 "
                             "line numbers by form year); required")
    parser.add_argument("--rows", type=int, default=L.TEMPLATE_ROWS,
                        help="prepared rows per table for --out (default %d)"
                             % L.TEMPLATE_ROWS)
    parser.add_argument("--table-rows", metavar="TABLE=N", action="append", default=[],
                        help="for --out: N prepared rows in TABLE (%s) instead of --rows, as "
                             "after inserting rows the documented way (README, \"Tables that "
                             "grow\"): every reference to the table's rows ends at row 1+N, "
                             "OnePercentPreparedRows stays --rows; repeatable"
                             % ", ".join(L.GROWING_TABLES))
    args = parser.parse_args(argv)
    if not 1 <= args.rows <= 100000:
        parser.error("--rows: expected 1..100000")
    table_rows = parse_table_rows(parser, args.table_rows, args.rows)
    if table_rows and not args.out:
        parser.error("--table-rows: only with --out")
    if not (args.templates or args.samples or args.out):
        parser.error("give --templates DIR, --samples DIR or --out FILE")
    try:
        law_tables = load_law_tables(args.law_tables)
        rl1_numbers(law_tables)
    except LawTablesError as error:
        print("gen_workbook.py: error: %s" % error, file=sys.stderr)
        return 2
    if args.templates:
        write_templates(args.templates, law_tables)
    if args.samples:
        write_samples(args.samples, law_tables)
    if args.out:
        L.set_data_rows(args.rows)
        L.set_table_rows(table_rows)
        module = load_fill_module(args.fill_module) if args.fill_module else None
        book, _ = build(args.lang, args.fill, law_tables, module, args.flavour)
        if args.out.endswith(".ots"):
            book.ots_bytes_to(args.out)
        else:
            write_text(args.out, book.fods())
    return 0


if __name__ == "__main__":
    sys.exit(main())
