#!/usr/bin/python3
"""Write samples/functions-sample.fods: one (fictitious) employer's 2025 training year,
computed with the OnePercent functions — employees' training wages and employer
contributions, training expenses net of assistance and classified by paragraph, and the
RL-1 summary lines 50-53 with the carry-forward (work chart lines 75 and 79).

    /usr/bin/python3 samples/gen_sample.py         # rewrites functions-sample.fods
    /usr/bin/python3 samples/compute_sample.py --oxt build/onepercent.oxt --work build/sample
"""
import os
import sys
from xml.sax.saxutils import escape, quoteattr

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "calc"))
from fodslib import to_odf  # noqa: E402

YEAR = 2025


class F(str):
    """A formula (Calc English syntax)."""


class M(str):
    """An array (matrix) formula: M(formula, rows)."""

    def __new__(cls, formula, rows):
        obj = str.__new__(cls, formula)
        obj.rows = rows
        return obj


class D(str):
    """A date, ISO text."""


def cell(value, style=None):
    attrs = []
    if style:
        attrs.append('table:style-name="%s"' % style)
    if value is None:
        return "<table:table-cell%s/>" % ("" if not attrs else " " + " ".join(attrs))
    if isinstance(value, M):
        attrs.append("table:formula=%s" % quoteattr(to_odf(value)))
        attrs.append('table:number-matrix-columns-spanned="1" '
                     'table:number-matrix-rows-spanned="%d"' % value.rows)
        return "<table:table-cell %s/>" % " ".join(attrs)
    if isinstance(value, F):
        attrs.append("table:formula=%s" % quoteattr(to_odf(value)))
        return "<table:table-cell %s/>" % " ".join(attrs)
    if isinstance(value, D):
        attrs.append('office:value-type="date" office:date-value="%s"' % value)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), value)
    if isinstance(value, (int, float)):
        attrs.append('office:value-type="float" office:value="%s"' % value)
        return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
            " ".join(attrs), value)
    attrs.append('office:value-type="string"')
    return "<table:table-cell %s><text:p>%s</text:p></table:table-cell>" % (
        " ".join(attrs), escape(value))


# Column styles per block: "money" two decimals with grouping, "rate" four decimals.
EMPLOYEES = [
    # name, pay, period, training hours, expense kind
    ("Marie Tremblay", 62400, "year", 22, "participant-wages"),
    ("Jean Gagnon", 4800, "month", 35, "participant-wages"),
    ("Sophie Roy", 2300, "biweekly", 16, "participant-wages"),
    ("Luc Côté", 28.5, "hour", 40, "participant-wages"),
    ("Anne Bouchard", 95000, "year", 14, "trainer-wages"),
]

EXPENSES = [
    # description, kind, provider, amount (number or formula), assistance, completed on
    ("Frais d'inscription au colloque sur la sécurité", "event", None, 1450, 0, "2025-05-14"),
    ("Formation externe en soudure (cégep)", "tuition", "recognized-institution", 6800, 2000,
     "2025-03-28"),
    ("Hôtel et kilométrage pour le colloque", "travel", None, 620, 0, "2025-05-14"),
    ("Location de salle pour la formation SST", "premises", None, 900, 0, "2025-09-10"),
    ("Matériel pédagogique traduit", "materials", None, 1200, 0, "2025-11-02"),
    ("Quote-part de la mutuelle de formation (120 h de 960)", "tuition",
     "multi-employer-service", F("=TRAINING.SHARE(18000;120;960)"), 0, "2025-12-05"),
    ("Leadership course completed in January 2026", "tuition", "accredited-body", 3000, 0,
     "2026-01-20"),
]


def rows():
    out = []
    add = out.append
    add([("OnePercent sample: training expenditures of one employer for %d "
          "(Québec 1 %% law, CQLR c. D-8.3)" % YEAR, "title")])
    add([("Fictitious data. Every computed cell uses the OnePercent add-in "
          "(TRAINING.* in English, FORMATION.* in French).", None)])
    add([])
    add([("Employer", "label"), ("Atelier Boréal inc.", None)])               # row 4
    add([("Year", "label"), (YEAR, None)])                                   # row 5
    add([("Total payroll", "label"), (2450000, "money")])                    # row 6
    add([("CNESST rate per $100 of payroll", "label"), (1.35, None)])        # row 7
    add([("Balance carried forward from %d (work chart line 75)" % (YEAR - 1), "label"),
         (3200, "money")])                                                   # row 8
    add([])
    add([(h, "head") for h in (                                             # row 10
        "Employee", "Pay", "Pay period", "Hourly rate (s. 7(6))", "Annual salary",
        "Training hours", "Training wages (s. 7(5))", "Employer contributions (s. 7(4.1))",
        "Eligible wages", "Expense kind", "Paragraph")])
    first = 11
    last = first + len(EMPLOYEES) - 1
    for index, (name, pay, period, hours, kind) in enumerate(EMPLOYEES):
        r = first + index
        add([(name, None), (pay, "money"), (period, None),
             (M("=TRAINING.HOURLYRATE(B%d:B%d;C%d:C%d)" % (first, last, first, last),
                len(EMPLOYEES)) if index == 0 else None, "rate"),
             (F("=ROUND(D%d*1950;2)" % r), "money"),
             (hours, None),
             (F("=TRAINING.WAGES(F%d;D%d)" % (r, r)), "money"),
             (F("=TRAINING.CONTRIBUTIONS($B$5;G%d;E%d;$B$7)" % (r, r)), "money"),
             (F("=G%d+H%d" % (r, r)), "money"),
             (kind, None),
             (F("=TRAINING.PARAGRAPH(J%d;\"internal\")" % r), None)])
    total_wages = last + 1                                                   # row 16
    add([("Total", "label"), None, None, None, None,
         (F("=SUM(F%d:F%d)" % (first, last)), None),
         (F("=SUM(G%d:G%d)" % (first, last)), "money"),
         (F("=SUM(H%d:H%d)" % (first, last)), "money"),
         (F("=SUM(I%d:I%d)" % (first, last)), "money")])
    add([])
    add([(h, "head") for h in (                                             # row 18
        "Expense", "Kind", "Provider", "Amount", "Government assistance",
        "Net of assistance (s. 7(13))", "Paragraph", "In force", "Completed on",
        "Declarable in %d (s. 7(14))" % YEAR, "Eligible amount", "Suggested from description")])
    efirst = total_wages + 3
    elast = efirst + len(EXPENSES) - 1
    for index, (text, kind, provider, amount, assistance, done) in enumerate(EXPENSES):
        r = efirst + index
        add([(text, None), (kind, None), (provider, None), (amount, "money"),
             (assistance, "money"),
             (F("=TRAINING.NETOFASSISTANCE(D%d;E%d)" % (r, r)), "money"),
             (F("=TRAINING.PARAGRAPH(B%d;C%d)" % (r, r)), None),
             (F("=TRAINING.ISELIGIBLE(G%d;$B$5)" % r), None),
             (D(done), "date"),
             (F("=TRAINING.DECLARABLE(I%d;$B$5)" % r), None),
             (F("=F%d*H%d*J%d" % (r, r, r)), "money"),
             (F("=IFNA(TRAINING.SUGGESTPARAGRAPH(A%d);\"-\")" % r), None)])
    total_expenses = elast + 1
    add([("Total eligible expenses", "label")] + [None] * 9 +
        [(F("=SUM(K%d:K%d)" % (efirst, elast)), "money")])
    add([])
    s = total_expenses + 2                                                   # RL-1 block
    add([("RL-1 summary %d, part 2, and work chart" % YEAR, "head")])
    add([("Subject to the 1 % law (Act s. 3): 1 = yes", "label"),
         (F("=TRAINING.SUBJECT(B6;B5)"), None)])                             # s+1
    add([("Line 50: total payroll", "label"), (F("=IF(B%d=1;B6;0)" % (s + 1)), "money")])
    add([("Line 51: minimum participation, 1 % of line 50", "label"),
         (F("=TRAINING.MINIMUM(B6;B5)"), "money")])                          # s+3
    add([("Eligible expenditures of the year (wages + expenses)", "label"),
         (F("=I%d+K%d" % (total_wages, total_expenses)), "money")])          # s+4
    add([("Line 75: balance carried forward from previous years", "label"),
         (F("=B8"), "money")])                                               # s+5
    add([("Line 52 (work chart line 78): total eligible expenditures", "label"),
         (F("=B%d+B%d" % (s + 4, s + 5)), "money")])
    add([("Line 53: contribution to the FDRCMO (line 51 - line 52, if positive)", "label"),
         (F("=TRAINING.CONTRIBUTION(B6;B5;B%d;B8)" % (s + 4)), "money")])
    add([("Line 79: balance to carry forward to %d" % (YEAR + 1), "label"),
         (F("=TRAINING.CARRYFORWARD(B6;B5;B%d;B8;0)" % (s + 4)), "money")])
    add([("Keep the supporting documents until (r. 3, s. 4)", "label"),
         (F("=TRAINING.RETENTIONEND(B5)"), "date")])
    return out


HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!-- OnePercent sample workbook; generated by samples/gen_sample.py -->
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N4"><number:number number:decimal-places="4" number:min-decimal-places="4" number:min-integer-digits="1"/></number:number-style>
  <number:date-style style:name="ND"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <style:style style:name="coA" style:family="table-column"><style:table-column-properties style:column-width="9cm"/></style:style>
  <style:style style:name="coB" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
  <style:style style:name="money" style:family="table-cell" style:data-style-name="N2"/>
  <style:style style:name="rate" style:family="table-cell" style:data-style-name="N4"/>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="ND"/>
  <style:style style:name="label" style:family="table-cell"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="title" style:family="table-cell"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Training %d">
    <table:table-column table:style-name="coA"/>
    <table:table-column table:style-name="coB" table:number-columns-repeated="11"/>
"""

FOOTER = """   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
"""


def main():
    parts = [HEADER % YEAR]
    for row in rows():
        parts.append("    <table:table-row>\n")
        for item in row:
            parts.append("     " + (cell(None) if item is None else cell(*item)) + "\n")
        if not row:
            parts.append("     <table:table-cell/>\n")
        parts.append("    </table:table-row>\n")
    parts.append(FOOTER)
    path = os.path.join(HERE, "functions-sample.fods")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("".join(parts))
    print("wrote", path)


if __name__ == "__main__":
    main()
