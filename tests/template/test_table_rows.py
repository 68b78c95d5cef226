#!/usr/bin/python3
"""gen_workbook.py --table-rows: one table with more prepared rows than --rows, as after
inserting rows the documented way (README, "Tables that grow").

Generates, under --work, `--rows 20 --table-rows participation=50` in both flavours with this
file as the fill module (the clean sample's data; its 13 participation rows on rows 22..33 and
51, past the 20 rows of the other tables) and checks in the .fods (no office):
  * Participation has its formulas and validity on rows 2..51 and no row 52; Employees its
    formulas on rows 2..21; Activities and Expenses rows 2..21 only;
  * every reference to Participation's data rows ($2:$51) ends at row 51 (the Summary's SUM,
    SUMIF, COUNTIFS, the other tables' lookups), every one to the other tables at row 21;
  * the Summary's table by activity has 20 lines (rows 48..67), the one by employee 20 lines
    from row 71, and their indicator ranges end there;
  * the named range Participation ends at row 51, the others at row 21;
  * OnePercentPreparedRows is 20 and the Employer sheet's note speaks of 20 rows (2 to 21);
  * --table-rows participation=20 gives the same bytes as no --table-rows; bad values
    (below --rows, above 100000, an unknown table, no "=", twice, without --out) are usage
    errors (exit 2).
With --validator (and --oxt), onepercent-validate --reader office reads both files: readable,
no T-ROW-NOT-COUNTED (rows 22..51 are counted) and no finding at all (the clean sample); and a
copy of the linked file without Participation's formulas from row 22 (rows typed below the 20
prepared rows): T-ROW-NOT-COUNTED on Participation!A22 for rows 22 to 51.
Prints "N passed, N failed"; exits 1 on any failure.

    test_table_rows.py --law-tables JSON --work FOLDER [--validator PATH --oxt OXT]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(ROOT, "samples", "template", "gen_workbook.py")
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
from checklib import check, finish  # noqa: E402

ROWS = 20                 # --rows
PARTICIPATION_ROWS = 50   # --table-rows participation=50
# Row index (0 = row 2) of each of the clean sample's participation rows: rows 22..33, then
# the last one on row 51, the last prepared row.
PARTICIPATION_INDEXES = list(range(20, 32)) + [49]

NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
T = "{%s}" % NS["table"]



# ---- fill(book): when gen_workbook.py loads this file with --fill-module --------------------

def fill(book):
    """The clean sample's data; its participation rows at PARTICIPATION_INDEXES."""
    generator = sys.modules[type(book).__module__]      # gen_workbook, also as __main__
    import samples_data as S                            # on gen_workbook's sys.path
    for key, value in S.EMPLOYER.items():
        if value is not None:
            book.set_employer(key, S._convert(generator, value))
    records = S._records("clean")
    assert len(records["participation"]) == len(PARTICIPATION_INDEXES)
    for table, rows in records.items():
        indexes = PARTICIPATION_INDEXES if table == "participation" else range(len(rows))
        for index, record in zip(indexes, rows):
            book.set_table_row(table, index, {k: S._convert(generator, v)
                                              for k, v in record.items() if v is not None})
    return []


# ---- the .fods ------------------------------------------------------------------------------

def generate(args, out, *options):
    command = [sys.executable, GEN, "--law-tables", args.law_tables, "--out", out] + \
        list(options)
    return subprocess.run(command, capture_output=True, timeout=300,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def sheets_of(root):
    """{sheet name: {row (1-based): [(formula or None, validation or None, text)...]}}."""
    sheets = {}
    for table in root.iter(T + "table"):
        rows = {}
        number = 0
        for row in table.iter(T + "table-row"):
            number += int(row.get(T + "number-rows-repeated", "1"))
            cells = []
            for cell in row:
                if cell.tag not in (T + "table-cell", T + "covered-table-cell"):
                    continue
                text = "".join(cell.itertext())
                entry = (cell.get(T + "formula"), cell.get(T + "content-validation-name"),
                         text)
                cells.extend([entry] * int(cell.get(T + "number-columns-repeated", "1")))
            rows[number] = cells
        sheets[table.get(T + "name")] = rows
    return sheets


def named_expressions(root):
    """{name: (row of its base cell, expression)} of the workbook's named expressions."""
    found = {}
    for element in root.iter(T + "named-expression"):
        base = re.search(r"\$(\d+)$", element.get(T + "base-cell-address", ""))
        found[element.get(T + "name")] = (int(base.group(1)) if base else 0,
                                           element.get(T + "expression", ""))
    return found


def resolved(formula, row, expressions):
    """The formula of a cell on `row`; a cell holding only a named expression's name gets
    that expression, its relative rows moved from the base cell's row to `row`."""
    match = re.fullmatch(r"(?:of:)?=(\w+)", formula)
    if not match or match.group(1) not in expressions:
        return formula
    base, expression = expressions[match.group(1)]

    def moved(reference):      # [.A2], [$'Sheet'.A2] or a one-cell range [.A2:.A2]
        return re.sub(r"(\.\$?[A-Z]+)(\d+)",
                      lambda m: "%s%d" % (m.group(1), int(m.group(2)) + row - base),
                      reference.group(0))
    return re.sub(r"\[[^\]]*\]", moved, expression)


def formula_rows(rows):
    return sorted(number for number, cells in rows.items() if any(c[0] for c in cells))


def check_workbook(path, flavour):
    what = "%s: " % flavour
    root = ET.parse(path).getroot()
    sheets = sheets_of(root)
    last = 1 + PARTICIPATION_ROWS          # 51
    other_last = 1 + ROWS                  # 21

    participation = sheets["Participation"]
    check(formula_rows(participation) == list(range(2, last + 1)),
          what + "Participation has its formulas on rows 2..%d" % last,
          str(formula_rows(participation)[-3:]))
    check(max(participation) == last, what + "Participation ends at row %d" % last,
          str(max(participation)))
    validity = [c[1] for c in participation[2]]
    check(any(validity) and all([c[1] for c in participation[r]] == validity
                                for r in range(2, last + 1)),
          what + "Participation's rows 2..%d have row 2's validity" % last)
    data = sorted(r for r, cells in participation.items() if r > 1 and cells[0][2])
    check(data == [2 + i for i in PARTICIPATION_INDEXES],
          what + "the participation data is on rows 22..33 and 51", str(data))
    employees = sheets["Employees"]
    check(formula_rows(employees) == list(range(2, other_last + 1)) and
          max(employees) == other_last,
          what + "Employees has its formulas on rows 2..%d and no row after" % other_last,
          "%s, last row %d" % (formula_rows(employees)[-3:], max(employees)))
    for name in ("Activities", "Expenses", "Certifications"):
        check(max(sheets[name]) == other_last, what + "%s ends at row %d" % (name, other_last),
              str(max(sheets[name])))

    # Every reference to a table's data rows, wherever it is: in the cells and in named
    # expressions (a column's formula written once and named, the cells holding its name).
    expressions = named_expressions(root)
    formulas = [formula for rows in sheets.values() for cells in rows.values()
                for formula, _, _ in cells if formula]
    formulas += [expression for _, expression in expressions.values()]
    ends = {}
    for formula in formulas:
        for sheet, end in re.findall(r"\[\$'?([A-Za-z]+)'?\.\$[A-Z]+\$2:\.\$[A-Z]+\$(\d+)\]",
                                     formula):
            ends.setdefault(sheet, set()).add(int(end))
    check(ends.get("Participation") == {last},
          what + "every reference to Participation's rows ends at row %d" % last,
          str(ends.get("Participation")))
    for name in ("Employees", "Activities", "Expenses", "Certifications"):
        check(ends.get(name) == {other_last},
              what + "every reference to %s's rows ends at row %d" % (name, other_last),
              str(ends.get(name)))
    summary = sheets["Summary"]
    wages = [c[0] for c in summary[6] if c[0] and "SUM(" in c[0]]
    check(wages and "[$'Participation'.$" in wages[0] and wages[0].count("$%d]" % last) == 1,
          what + "the Summary's training wages: SUM over Participation rows 2..%d" % last,
          str(wages))
    by_paragraph = [c[0] for c in summary[20] if c[0] and "SUMIF(" in c[0]]
    check(by_paragraph and all(f.count("$%d]" % last) >= 2 for f in by_paragraph[:1]),
          what + "the totals by paragraph: SUMIF over Participation rows 2..%d" % last,
          str(by_paragraph[:1]))

    # The sub-tables: by activity rows 48..67, then an empty row, its title, its head.
    first = 48
    employee_first = first + ROWS + 3
    lines = [r for r in range(first, employee_first) if any(c[0] for c in summary.get(r, []))]
    check(lines == list(range(first, first + ROWS)),
          what + "the table by activity has %d lines (rows %d..%d)"
          % (ROWS, first, first + ROWS - 1), str(lines))
    lines = [r for r in summary if r >= employee_first and any(c[0] for c in summary[r])]
    check(lines == list(range(employee_first, employee_first + ROWS)),
          what + "the table by employee has %d lines (rows %d..%d)"
          % (ROWS, employee_first, employee_first + ROWS - 1), str(lines[:2] + lines[-2:]))
    mirrors = resolved(summary[first + ROWS - 1][0][0] or "", first + ROWS - 1, expressions)
    check(re.search(r"\[\$'Activities'\.A%d(?::\.A%d)?\]" % (other_last, other_last), mirrors),
          what + "its last line mirrors Activities row %d" % other_last, mirrors)
    indicator_ends = set()
    for cells in summary.values():
        for formula, _, _ in cells:
            indicator_ends.update(re.findall(r"\[\.\$[A-Z]\$(\d+):\.\$[A-Z]\$(\d+)\]",
                                             formula or ""))
    check({("48", "67"), ("71", "90")} <= indicator_ends and
          all(pair in {("48", "67"), ("71", "90")} for pair in indicator_ends
              if int(pair[0]) >= first),
          what + "the indicators' ranges over the sub-tables are rows 48..67 and 71..90",
          str(sorted(indicator_ends)))

    named = {n.get(T + "name"): n.get(T + "cell-range-address")
             for n in root.iter(T + "named-range")}
    check(named.get("Participation", "").endswith("$%d" % last),
          what + "the named range Participation ends at row %d" % last, named.get("Participation"))
    for name in ("Employees", "Activities", "Expenses", "Certifications"):
        check(named.get(name, "").endswith("$%d" % other_last),
              what + "the named range %s ends at row %d" % (name, other_last), named.get(name))

    properties = {p.get("{%s}name" % NS["meta"]): p.text
                  for p in root.iter("{%s}user-defined" % NS["meta"])}
    check(properties.get("OnePercentPreparedRows") == str(ROWS),
          what + "OnePercentPreparedRows is %d" % ROWS, properties.get("OnePercentPreparedRows"))
    note = " ".join(c[2] for rows in [sheets["Employer"]] for cells in rows.values()
                    for c in cells if "prepared rows" in c[2])
    check("has 20 prepared rows (rows 2 to 21)" in note,
          what + "the Employer sheet's note speaks of the 20 prepared rows", note[:200])


def check_options(args, work):
    plain = os.path.join(work, "plain.fods")
    same = os.path.join(work, "same.fods")
    generate(args, plain, "--rows", "20", "--fill", "clean", "--flavour", "portable")
    generate(args, same, "--rows", "20", "--fill", "clean", "--flavour", "portable",
             "--table-rows", "participation=20", "--table-rows", "Employees=20")
    with open(plain, "rb") as a, open(same, "rb") as b:
        check(a.read() == b.read(),
              "--table-rows TABLE=N with N = --rows gives the same bytes as no --table-rows")
    out = os.path.join(work, "refused.fods")
    for options in (["--table-rows", "participation=19"],
                    ["--table-rows", "participation=100001"],
                    ["--table-rows", "certifications=50"],
                    ["--table-rows", "participation"],
                    ["--table-rows", "participation=lots"],
                    ["--table-rows", "expenses=30", "--table-rows", "expenses=40"]):
        result = generate(args, out, "--rows", "20", *options)
        check(result.returncode == 2 and b"--table-rows" in result.stderr and
              not os.path.exists(out),
              "refused with exit 2: %s" % " ".join(options),
              "exit %d: %s" % (result.returncode, result.stderr.decode()[-300:]))
    result = subprocess.run([sys.executable, GEN, "--law-tables", args.law_tables,
                             "--samples", os.path.join(work, "samples"), "--rows", "20",
                             "--table-rows", "participation=300"],
                            capture_output=True, timeout=300)
    check(result.returncode == 2 and b"only with --out" in result.stderr,
          "refused with exit 2: --table-rows without --out", result.stderr.decode()[-300:])


def without_formulas(source, target, sheet, first_row):
    """A copy of `source` whose `sheet` has no formula from row `first_row` on: rows typed
    below the prepared ones, which the validator must not count."""
    with open(source, encoding="utf-8") as file:
        text = file.read()
    start = text.index("<table:table table:name=%s" % quoteattr(sheet))
    end = text.index("</table:table>", start)
    rows = text[start:end].split("<table:table-row ")     # rows[1] is row 1
    for index in range(first_row, len(rows)):
        rows[index] = re.sub(r""" table:formula=("[^"]*"|'[^']*')""", "", rows[index])
    with open(target, "w", encoding="utf-8") as file:
        file.write(text[:start] + "<table:table-row ".join(rows) + text[end:])


def validate(args, paths):
    """The grown files have no finding; the copy without Participation's formulas from row 22
    (rows typed below the 20 prepared rows) has T-ROW-NOT-COUNTED for rows 22 to 51."""
    typed = os.path.join(args.work, "typed-below.fods")
    without_formulas(paths[0], typed, "Participation", 2 + ROWS)
    command = [args.validator, "--quiet", "--format", "json", "--reader", "office",
               "--extension", args.oxt, "--work", os.path.join(args.work, "validator"), "--"]
    result = subprocess.run(command + paths + [typed], capture_output=True,
                            timeout=args.deadline)
    check(result.returncode == 1, "onepercent-validate --reader office: exit 1 (findings in "
          "the copy only)",
          "exit %d: %s" % (result.returncode, result.stderr.decode("utf-8", "replace")[-1500:]))
    try:
        reports = {r["file"]: r for r in json.loads(result.stdout.decode("utf-8"))["reports"]}
    except (ValueError, KeyError):
        check(False, "onepercent-validate printed its JSON report",
              result.stdout.decode("utf-8", "replace")[:500])
        return
    report = reports.pop(typed, {})
    rules = sorted((f["ruleId"], f["location"]) for f in report.get("findings", []))
    messages = [f["message"]["en"] for f in report.get("findings", [])
                if f["ruleId"] == "T-ROW-NOT-COUNTED"]
    check([r for r in rules if r[0] == "T-ROW-NOT-COUNTED"] ==
          [("T-ROW-NOT-COUNTED", "Participation!A22")] and
          "rows 22 to 51 are not counted (13 rows with data)" in messages[0],
          "the copy without Participation's formulas from row 22: T-ROW-NOT-COUNTED on "
          "Participation!A22, rows 22 to 51 (so the check below can fail)", str(rules[:20]))
    for report in reports.values():
        name = os.path.basename(report["file"])
        check(report.get("readable") is True, name + ": read", str(report.get("readError")))
        rules = [(f["ruleId"], f["location"]) for f in report.get("findings", [])]
        check(not [r for r in rules if r[0] == "T-ROW-NOT-COUNTED"],
              name + ": no T-ROW-NOT-COUNTED (Participation rows 22..51 are counted)",
              str(rules))
        check(not rules, name + ": no finding (the clean sample's data)", str(rules[:20]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--law-tables", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--validator", help="onepercent-validate: also validate the files")
    parser.add_argument("--oxt", help="the extension, for --validator")
    parser.add_argument("--deadline", type=int, default=600)
    args = parser.parse_args()
    if args.validator and not args.oxt:
        parser.error("--validator needs --oxt")
    args.work = os.path.abspath(args.work)
    if os.path.isdir(args.work):
        shutil.rmtree(args.work)
    os.makedirs(args.work)

    paths = []
    for flavour in ("linked", "portable"):
        path = os.path.join(args.work, "grown-%s.fods" % flavour)
        result = generate(args, path, "--rows", str(ROWS), "--flavour", flavour,
                          "--table-rows", "participation=%d" % PARTICIPATION_ROWS,
                          "--fill-module", os.path.abspath(__file__))
        check(result.returncode == 0, "%s: generated" % flavour,
              result.stderr.decode("utf-8", "replace")[-2000:])
        if result.returncode == 0:
            check_workbook(path, flavour)
            paths.append(path)
    check_options(args, args.work)
    if args.validator and paths:
        validate(args, paths)

    return finish()


if __name__ == "__main__":
    sys.exit(main())
