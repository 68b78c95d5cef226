#!/usr/bin/python3
"""Convert the portable workbook templates into .xlsx, for clients on Excel (issue 8).

Starts a throwaway headless office WITHOUT the extension (the portable flavour uses built-in
functions only; its profile, HOME and TMPDIR are under --work, inside the build folder), loads
each template read-only (macros never run, links never updated), recalculates and stores it
with the "Calc MS Excel 2007 XML" filter under --out as NAME.xlsx. The file is written under a
temporary name and renamed, so a failed or interrupted run leaves no truncated .xlsx behind.
The office is stopped by its process group (tests/calc/office.py), never by name.

    /usr/bin/python3 samples/make_template_xlsx.py --work build/samples/template-xlsx \
        --out build/samples/template \
        build/samples/template/onepercent-portable-en.fods \
        build/samples/template/onepercent-portable-fr.fods

Inputs: .fods, .ods or .ots (a template is opened for editing, not as a new document, so that
its properties stay as written). tests/template_xlsx/test_xlsx_conventions.py checks the result
against Excel's conventions.
"""
import argparse
import os
import re
import sys
import time
import zipfile
from xml.etree import ElementTree
from xml.sax.saxutils import escape, unescape

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "calc"))

import office  # noqa: E402

XLSX_FILTER = "Calc MS Excel 2007 XML"


# ---- prepared rows the office leaves out -----------------------------------------------------
# LibreOffice 7.4 writes a sheet's empty formatted rows into .xlsx only up to row 1001 when
# no cell below holds data: on the Activities sheet (inputs only, no formula column) rows
# 1002-5001 came out with no style (locked, no date format) and the validations ended at row
# 1001, so an Excel user could not type past activity 1000. The other tables hold formulas on
# every prepared row and come out whole. complete_prepared_rows() writes the missing rows as
# copies of the last row the office wrote (blank cells with the same styles) and extends the
# validations to the table's last prepared row, the end of its named range (Activities,
# Employees, ...). A row holding a typed value is never copied. The portable flavour's hidden
# helper columns of Activities (layout.PORTABLE_HELPERS) are formulas in every prepared row,
# yet the office still stops at row 1001 there: a formula is copied with its relative row
# references moved to the new row (the prepared rows' formulas differ only in those) and its
# cached result (the same in every empty prepared row).
_FORMULA = re.compile(r'<f((?: aca="(?:true|false)")?)>([^<]*)</f>')
_ENTITIES = {"&quot;": '"', "&apos;": "'"}
# A cell reference of an A1 formula, or a string literal (kept as it is): the row of a
# reference without "$" before it moves.
_A1_REFERENCE = re.compile(
    r"(\"[^\"]*\")|((?:'[^']*'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3})(\$?)([0-9]+)"
    r"(?![0-9A-Za-z_(])")


# A one-cell range, D5:D5 or $B$4:$B$4 (the sheet before it stays), and a string literal.
_ONE_CELL_RANGE = re.compile(
    r"(\"[^\"]*\")|(?<![A-Za-z0-9_$.:])(\$?[A-Z]{1,3}\$?[0-9]+):(\$?[A-Z]{1,3}\$?[0-9]+)"
    r"(?![0-9A-Za-z_(:])")


def _cell_references(formula):
    """An .xlsx formula with each one-cell range written as its cell (D5:D5 -> D5). The
    portable .ods names give each input as a one-cell range, for LibreOffice's listeners
    (gen_workbook.one_cell_ranges); the .xlsx cells get the plain references back."""
    def collapse(match):
        if match.group(1) or match.group(2) != match.group(3):
            return match.group(0)
        return match.group(2)
    return _ONE_CELL_RANGE.sub(collapse, formula)


def _moved_formula(formula, rows):
    """An .xlsx formula with its relative row references moved down by `rows`."""
    def move(match):
        if match.group(1):
            return match.group(1)
        sheet, column, absolute, row = match.groups()[1:]
        if not absolute:
            row = str(int(row) + rows)
        return (sheet or "") + column + absolute + row
    return _A1_REFERENCE.sub(move, formula)

_WORKBOOK = "xl/workbook.xml"
_RELS = "xl/_rels/workbook.xml.rels"
_ROW = re.compile(r'<row r="(\d+)"')
_CELL_REF = re.compile(r'( r=")([A-Z]+)(\d+)(")')
_RANGE_END = re.compile(r"^([A-Z]+\d+:[A-Z]+)(\d+)$")


class XlsxError(RuntimeError):
    """The .xlsx the office wrote is not shaped as expected."""


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _sheet_parts(archive):
    """(workbook element, {sheet name: part name}) from workbook.xml and its relationships."""
    workbook = ElementTree.fromstring(archive.read(_WORKBOOK))
    rels = ElementTree.fromstring(archive.read(_RELS))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(_PKG + "Relationship")}
    parts = {}
    for sheet in workbook.iter(_MAIN + "sheet"):
        target = targets[sheet.get(_REL + "id")]
        parts[sheet.get("name")] = target[1:] if target.startswith("/") else "xl/" + target
    return workbook, parts


def _table_ends(workbook):
    """{sheet name: last row} of the named ranges that cover a table (header + rows)."""
    ends = {}
    for defined in workbook.iter(_MAIN + "definedName"):
        match = re.match(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$A\$1:\$[A-Z]+\$(\d+)$",
                         defined.text or "")
        if match:
            sheet = (match.group(1) or "").replace("''", "'") or match.group(2)
            ends[sheet] = max(ends.get(sheet, 0), int(match.group(3)))
    return ends


def _complete_sheet(xml, last_row):
    """The sheet's XML with rows up to last_row and validations down to it, or None when the
    office wrote every row already."""
    start = xml.rfind('<row r="')
    if start < 0:
        return None
    written = int(_ROW.match(xml, start).group(1))
    if written >= last_row:
        return None
    end = xml.find("</row>", start)
    if end < 0 or xml.find("</sheetData>", start) < end:
        raise XlsxError("the last row of a sheet is not a <row>...</row> element")
    end += len("</row>")
    model = xml[start:end]
    for one in re.findall(r"<c [^>]*?(?:/>|>.*?</c>)", model):
        if ("<v>" in one or "<is>" in one) and not _FORMULA.search(one):
            raise XlsxError("row %d holds a value: not copied" % written)
    if len(_FORMULA.findall(model)) != model.count("<f"):
        raise XlsxError("row %d holds a shared or array formula: not copied" % written)
    rows = []
    for number in range(written + 1, last_row + 1):
        text = model.replace('<row r="%d"' % written, '<row r="%d"' % number, 1)
        text = _FORMULA.sub(lambda m: "<f%s>%s</f>" % (m.group(1), escape(
            _moved_formula(unescape(m.group(2), _ENTITIES), number - written),
            {'"': "&quot;"})), text)
        rows.append(_CELL_REF.sub(lambda m: "%s%s%d%s" % (m.group(1), m.group(2), number,
                                                           m.group(4)), text))
    xml = xml[:end] + "".join(rows) + xml[end:]

    def extend(match):
        ranges = []
        for item in match.group(2).split():
            parts = _RANGE_END.match(item)
            if parts and int(parts.group(2)) == written:
                item = "%s%d" % (parts.group(1), last_row)
            ranges.append(item)
        return '%s%s"' % (match.group(1), " ".join(ranges))

    xml = re.sub(r'(<dataValidation [^>]*?sqref=")([^"]*)"', extend, xml)
    xml = re.sub(r'(<dimension ref=")([^"]*)"', extend, xml, count=1)
    return xml


def complete_prepared_rows(path):
    """Rewrite the .xlsx at `path` (through a temporary file) so that every table sheet has
    all its prepared rows; returns [(sheet, first added row, last row)]."""
    done = []
    with zipfile.ZipFile(path) as archive:
        workbook, parts = _sheet_parts(archive)
        changed = {}
        for sheet, last_row in sorted(_table_ends(workbook).items()):
            part = parts.get(sheet)
            if part is None:
                raise XlsxError("named range on a sheet the workbook lacks: %s" % sheet)
            xml = archive.read(part).decode("utf-8")
            completed = _complete_sheet(xml, last_row)
            if completed is not None:
                first = int(_ROW.search(xml, xml.rfind('<row r="')).group(1)) + 1
                changed[part] = completed.encode("utf-8")
                done.append((sheet, first, last_row))
        if not changed:
            return done
        _rewrite_parts(archive, path + ".rows", changed)
    os.replace(path + ".rows", path)
    return done


def _rewrite_parts(archive, temporary, changed):
    """Write `archive` to `temporary` with the parts of `changed` ({name: bytes}) replaced,
    each entry keeping its compression; the caller renames it over the original."""
    with zipfile.ZipFile(temporary, "w") as out:
        for info in archive.infolist():
            data = changed.get(info.filename)
            out.writestr(info, data if data is not None else archive.read(info.filename),
                         compress_type=info.compress_type)


# ---- the portable flavour's named formulas, written into the cells -----------------------------
# The portable .ots/.fods give a computed column's formula once, as a relative named expression
# (gen_workbook.py, Workbook._row_formula: "=OP_participation_wages" in each cell).
# LibreOffice 7.4 writes such a name into .xlsx with its references relative to its own first
# cell (its base cell), where Excel, and LibreOffice and Gnumeric reading .xlsx, take them
# relative to A1: every cell would show #NAME? or read the wrong cells (tests/template found
# it). So inline_named_formulas() rewrites the .xlsx the office wrote: each cell holding a
# named formula gets the name's formula moved from the base cell's row to its own (the
# formula the cell stands for; its cached result stays), and the names are removed. The base
# cells are read from the source workbook's table:named-expressions.
_NAMED_FORMULA = re.compile(r'<table:named-expression table:name="(OP_\w+)" '
                            r'table:base-cell-address="[^"]*\.\$([A-Z]+)\$(\d+)"')
_DEFINED_NAME = re.compile(r'<definedName [^>]*?name="(OP_\w+)"[^>]*>([^<]*)</definedName>')
_NAMED_CELL = re.compile(r'(<c r="([A-Z]+)(\d+)"[^>]*>)<f((?: aca="(?:true|false)")?)>'
                         r'(OP_\w+)</f>')


def named_formula_bases(source):
    """{name: (column letters, base row)} of the relative named expressions OP_* of a .fods
    written by gen_workbook.py (empty for any other file)."""
    if not source.endswith(".fods"):
        with zipfile.ZipFile(source) as archive:
            text = archive.read("content.xml").decode("utf-8")
    else:
        with open(source, encoding="utf-8") as stream:
            text = stream.read()
    return {m.group(1).upper(): (m.group(2), int(m.group(3)))
            for m in _NAMED_FORMULA.finditer(text)}


def inline_named_formulas(path, bases):
    """Rewrite the .xlsx at `path` (through a temporary file) with the named formulas of
    `bases` (named_formula_bases) written into their cells; returns the number of cells."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read(_WORKBOOK).decode("utf-8")
        formulas = {m.group(1).upper(): unescape(m.group(2), _ENTITIES)
                    for m in _DEFINED_NAME.finditer(workbook)}
        missing = sorted(set(formulas) - set(bases))
        if missing:
            raise XlsxError("no base cell for the named formulas %s" % ", ".join(missing))
        if not formulas:
            return 0
        changed = {_WORKBOOK: _DEFINED_NAME.sub("", workbook).encode("utf-8")}
        count = [0]

        def inline(match):
            name = match.group(5).upper()
            if name not in formulas:
                return match.group(0)
            column, base_row = bases[name]
            if match.group(2) != column:
                raise XlsxError("the named formula %s is used in column %s, not %s"
                                % (name, match.group(2), column))
            count[0] += 1
            moved = _cell_references(
                _moved_formula(formulas[name], int(match.group(3)) - base_row))
            return "%s<f%s>%s</f>" % (match.group(1), match.group(4),
                                      escape(moved, {'"': "&quot;"}))
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                xml = archive.read(info.filename).decode("utf-8")
                if "<f" in xml:
                    changed[info.filename] = _NAMED_CELL.sub(inline, xml).encode("utf-8")
        _rewrite_parts(archive, path + ".names", changed)
    os.replace(path + ".names", path)
    return count[0]


def convert(the_office, source, target):
    """Load `source`, recalculate, store as .xlsx at `target` (through a temporary file)."""
    document = the_office.load(source, hidden=True, read_only=True, AsTemplate=False)
    temporary = target + ".part"
    try:
        try:
            document.calculateAll()
            document.storeToURL(office.file_url(temporary),
                                office.props(FilterName=XLSX_FILTER, Overwrite=True))
        finally:
            office.close_document(document)
        if not os.path.isfile(temporary):
            raise office.OfficeError("the office wrote no %s" % temporary)
        inline_named_formulas(temporary, named_formula_bases(source))
        added = complete_prepared_rows(temporary)
        os.replace(temporary, target)
    finally:
        for leftover in (temporary, temporary + ".rows", temporary + ".names"):
            if os.path.exists(leftover):
                os.remove(leftover)
    return added


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--out", required=True, help="folder for the .xlsx (build folder)")
    parser.add_argument("--locale", default="en-US",
                        help="the office's locale (default en-US; the file does not depend "
                             "on it)")
    parser.add_argument("files", nargs="+", help="the portable templates (.fods or .ots)")
    args = parser.parse_args(argv)
    if args.oxt:
        parser.error("--oxt: the portable templates are converted without the extension")
    for path in args.files:
        if not os.path.isfile(path):
            print("error: no such file: %s" % path, file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    try:
        with office.Office(os.path.join(args.work, "office"), locale=args.locale,
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            for path in args.files:
                target = os.path.join(args.out,
                                      os.path.splitext(os.path.basename(path))[0] + ".xlsx")
                started = time.monotonic()
                added = convert(the_office, path, target)
                print("wrote %s (%.1f MB, %.0f s)%s" % (
                    target, os.path.getsize(target) / 1e6, time.monotonic() - started,
                    "".join("; %s: rows %d-%d completed" % item for item in added)))
    except (office.OfficeError, XlsxError) as error:
        print("error: %s" % error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
