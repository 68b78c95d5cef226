"""Write small, readable, self-checking flat ODF spreadsheets (.fods).

The layout follows LibreOffice's sc/qa/unit/functions_test documents:

* the first sheet, "Summary", holds in B1 the AND of every test sheet's "Correct"
  column (A1 says "All tests pass"), and one line per test sheet below;
* every test sheet has the header row
      A Result | B Expected | C Correct | D Formula | E Comment | F.. inputs
  one test per row: A the formula under test, B the expected value written by hand,
  C a formula that is TRUE when A matches B, D =FORMULA(A) (the formula text as the
  office shows it), E what the row checks; array (range) calls span several rows of
  column A as one matrix formula, each row with its own expectation.

Formulas are written here in Calc's English syntax (";" between arguments, A1
references relative to the row through {r}); ``to_odf`` turns them into the
OpenFormula text stored in the file (``of:=...``), replacing the add-in display
names by the programmatic form the office writes (see ADDIN_ODF_FORM).

Only the Python standard library is used: this module runs without an office.
"""

import re
from xml.sax.saxutils import escape, quoteattr

# How LibreOffice 7.4.7 stores a call to a UNO add-in function in ODF, observed by
# saving =TRAINING.WAGES(12;50) as .fods: the service name (XServiceName) and the
# programmatic method name, upper-cased:
#     table:formula="of:=ORG.ONEPERCENT.FUNCTIONS.WAGES(12;50)"
# (the office also reads the mixed-case org.onepercent.Functions.wages).
ADDIN_SERVICE = "org.onepercent.Functions"
ADDIN_ODF_FORM = "ORG.ONEPERCENT.FUNCTIONS.{METHOD}"

# English display name -> programmatic method name (the function spec).
ADDIN_METHODS = {
    "TRAINING.HOURLYRATE": "hourlyRate",
    "TRAINING.REPLACEMENTWAGES": "replacementWages",
    "TRAINING.WAGES": "wages",
    "TRAINING.CONTRIBUTIONS": "contributions",
    "TRAINING.NETOFASSISTANCE": "netOfAssistance",
    "TRAINING.PARAGRAPH": "paragraph",
    "TRAINING.PARAGRAPHTITLE": "paragraphTitle",
    "TRAINING.ISELIGIBLE": "isEligible",
    "TRAINING.SUGGESTPARAGRAPH": "suggestParagraph",
    "TRAINING.SUBJECT": "subject",
    "TRAINING.MINIMUM": "minimum",
    "TRAINING.CONTRIBUTION": "contribution",
    "TRAINING.CARRYFORWARD": "carryForward",
    "TRAINING.DECLARABLE": "declarable",
    "TRAINING.RETENTIONEND": "retentionEnd",
    "TRAINING.NONARMSLENGTHCAP": "nonArmsLengthCap",
    "TRAINING.SHARE": "share",
}

# Calc English names whose OpenFormula name differs.
ODF_FUNCTION_NAMES = {
    "ERRORTYPE": "ORG.OPENOFFICE.ERRORTYPE",
}

_STRING = re.compile(r'"(?:[^"]|"")*"')
_REF = re.compile(r"(?<![A-Za-z0-9_.$\]\[])(\$?[A-Z]{1,3}\$?[0-9]+)(?::(\$?[A-Z]{1,3}\$?[0-9]+))?"
                  r"(?![A-Za-z0-9_(.])")
_NAME = re.compile(r"(?<![A-Za-z0-9_.])([A-Z][A-Z0-9]*(?:\.[A-Z][A-Z0-9]*)*)\(")


def _convert_code(code):
    def ref(match):
        if match.group(2):
            return "[.%s:.%s]" % (match.group(1), match.group(2))
        return "[.%s]" % match.group(1)

    def name(match):
        text = match.group(1)
        if text in ADDIN_METHODS:
            return ADDIN_ODF_FORM.format(METHOD=ADDIN_METHODS[text].upper()) + "("
        return ODF_FUNCTION_NAMES.get(text, text) + "("

    return _NAME.sub(name, _REF.sub(ref, code))


def to_odf(formula):
    """'=TRAINING.WAGES(F2;G2)' -> 'of:=org.onepercent.Functions.wages([.F2];[.G2])'."""
    if not formula.startswith("="):
        raise ValueError("a formula starts with '=': %r" % formula)
    out, pos = [], 0
    for match in _STRING.finditer(formula):
        out.append(_convert_code(formula[pos:match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(_convert_code(formula[pos:]))
    return "of:" + "".join(out)


# ---- expectations ---------------------------------------------------------------------------

class Expect:
    """What column B shows and the column C formula that checks column A against it."""

    def __init__(self, shown, check):
        self.shown = shown      # number, text or None
        self.check = check      # Calc English formula with {r}


def num(value):
    return Expect(value, "=IF(ISNUMBER(A{r});ROUND(A{r}-B{r};9)=0;FALSE())")


def text(value):
    # Both EXACT and =: LibreOffice 7.4 compares strings by their interned copy, and only a
    # sequence<sequence<string>> result is interned (a mixed any array is not, and then
    # A2=B2 is FALSE for equal texts). The add-in returns text arrays as strings.
    return Expect(value, "=IF(ISTEXT(A{r});AND(EXACT(A{r};B{r});A{r}=B{r});FALSE())")


def err(code=502):
    return Expect("Err:%d" % code,
                  "=IF(ISERROR(A{r});ORG.OPENOFFICE.ERRORTYPE(A{r})=%d;FALSE())" % code)


def na():
    return Expect("#N/A", "=ISNA(A{r})")


def empty():
    """An empty element of an array result: neither number nor text nor error, equal to "".
    (Calc shows it blank; getDataArray reads it as 0 and LEN() as 1, so test it this way.)"""
    return Expect("(empty)",
                  "=IF(ISERROR(A{r});FALSE();AND(NOT(ISNUMBER(A{r}));NOT(ISTEXT(A{r}));"
                  "A{r}=\"\"))")


def custom(shown, check):
    return Expect(shown, check)


ERR = err()
NA = na()
EMPTY = empty()


_PLACEHOLDER = re.compile(r"\{(r0|r1|r)([+-][0-9]+)?\}")


def fill(template, r, r0=None, r1=None):
    """Replace {r}, {r0}, {r1} and offsets such as {r-2} or {r1+1} by row numbers."""
    rows = {"r": r, "r0": r0 if r0 is not None else r, "r1": r1 if r1 is not None else r}

    def one(match):
        return str(rows[match.group(1)] + int(match.group(2) or 0))

    return _PLACEHOLDER.sub(one, template)


class Case:
    """One row: a scalar call."""

    def __init__(self, formula, expect, inputs=(), comment=""):
        self.formula, self.expect, self.inputs, self.comment = formula, expect, inputs, comment

    rows = 1


class ArrayCase:
    """Several rows: one matrix formula in column A over the rows; formula may use
    {r0} and {r1} (first and last row of the block)."""

    def __init__(self, formula, items, comment=""):
        self.formula, self.items, self.comment = formula, items, comment

    @property
    def rows(self):
        return len(self.items)


class Sheet:
    def __init__(self, name, input_labels, cases, title=""):
        self.name, self.input_labels, self.cases, self.title = name, input_labels, cases, title


# ---- ODF writing ----------------------------------------------------------------------------

_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!-- {note} -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
  <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="2.2cm"/></style:style>
  <style:style style:name="co3" style:family="table-column"><style:table-column-properties style:column-width="9cm"/></style:style>
  <style:style style:name="co4" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
  <style:style style:name="bold" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""

_FOOTER = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def _cell(value=None, formula=None, matrix_rows=None, style=None):
    attrs = []
    if style:
        attrs.append('table:style-name="%s"' % style)
    if formula is not None:
        attrs.append("table:formula=%s" % quoteattr(to_odf(formula)))
        if matrix_rows:
            attrs.append('table:number-matrix-columns-spanned="1" '
                         'table:number-matrix-rows-spanned="%d"' % matrix_rows)
        return "<table:table-cell %s/>" % " ".join(attrs)
    if value is None:
        return "<table:table-cell%s/>" % ("" if not attrs else " " + " ".join(attrs))
    if isinstance(value, bool):
        raise TypeError("write booleans as formulas (=TRUE())")
    if isinstance(value, (int, float)):
        shown = repr(float(value)) if isinstance(value, float) else str(value)
        attrs.append('office:value-type="float" office:value="%s"' % shown)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), shown)
    attrs.append('office:value-type="string"')
    return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
        " ".join(attrs), escape(str(value)))


def _row(cells, indent="    "):
    return indent + "<table:table-row>\n" + "".join(
        indent + " " + c + "\n" for c in cells) + indent + "</table:table-row>\n"


def _columns(count_inputs):
    return ('    <table:table-column table:style-name="co1"/>\n'
            '    <table:table-column table:style-name="co1"/>\n'
            '    <table:table-column table:style-name="co2"/>\n'
            '    <table:table-column table:style-name="co3"/>\n'
            '    <table:table-column table:style-name="co4"/>\n'
            '    <table:table-column table:style-name="co1" '
            'table:number-columns-repeated="%d"/>\n' % max(1, count_inputs))


def sheet_xml(sheet):
    """The table element of one test sheet; returns (xml, last_row_number)."""
    out = ['   <table:table table:name=%s>\n' % quoteattr(sheet.name),
           _columns(len(sheet.input_labels))]
    header = ["Result", "Expected", "Correct", "Formula", "Comment"] + list(sheet.input_labels)
    out.append(_row([_cell(h, style="bold") for h in header]))
    r = 2
    for case in sheet.cases:
        if isinstance(case, Case):
            items = [(case.expect, case.inputs)]
        else:
            items = case.items
        first, last = r, r + len(items) - 1
        for index, (expect, inputs) in enumerate(items):
            row = r + index
            cells = []
            if index == 0:
                formula = fill(case.formula, row, first, last)
                cells.append(_cell(formula=formula,
                                   matrix_rows=(len(items) if isinstance(case, ArrayCase)
                                                else None)))
            else:
                cells.append(_cell())
            cells.append(_cell(expect.shown))
            cells.append(_cell(formula=fill(expect.check, row)))
            cells.append(_cell(formula=fill("=FORMULA(A{r})", row)))
            cells.append(_cell(case.comment if index == 0 else None))
            for value in inputs:
                cells.append(_cell(value))
            out.append(_row(cells))
        r = last + 1
    out.append("   </table:table>\n")
    return "".join(out), r - 1


def document_xml(sheets, note):
    tables, summary_rows = [], []
    for sheet in sheets:
        xml, last = sheet_xml(sheet)
        tables.append(xml)
        summary_rows.append((sheet.name, last, sheet.title))
    n = len(summary_rows)
    summary = ['   <table:table table:name="Summary">\n',
               '    <table:table-column table:style-name="co1"/>\n'
               '    <table:table-column table:style-name="co2"/>\n'
               '    <table:table-column table:style-name="co2"/>\n'
               '    <table:table-column table:style-name="co4"/>\n']
    summary.append(_row([_cell("All tests pass", style="bold"),
                         _cell(formula="=AND(B4:B%d)" % (3 + n))]))
    summary.append(_row([_cell(note)]))
    summary.append(_row([_cell(h, style="bold") for h in
                         ("Sheet", "All correct", "Tests", "Functions")]))
    for name, last, title in summary_rows:
        summary.append(_row([
            _cell(name),
            "<table:table-cell table:formula=%s/>" % quoteattr(
                "of:=AND([$%s.C2:.C%d])" % (name, last)),
            "<table:table-cell table:formula=%s/>" % quoteattr(
                "of:=COUNTA([$%s.C2:.C%d])" % (name, last)),
            _cell(title)]))
    summary.append("   </table:table>\n")
    return _HEADER.format(note=escape(note)) + "".join(summary) + "".join(tables) + _FOOTER


def write(path, sheets, note):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(document_xml(sheets, note))
