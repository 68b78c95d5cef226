#!/usr/bin/python3
"""Open + first read of the 50,000-row workbook in headless Calc: linked flavour against
portable flavour against the same workbook as values only (issue 8, "Measure").

Three .ods files with the same data, made once under --work (kept, remade when their recipe
changes: samples/template/*.py, make_large_workbook.py, this file's fill and conversion, the
counts, the prepared rows, the law tables or the .oxt):

  linked    samples/template/gen_workbook.py --flavour linked --rows 5000 --table-rows
            participation=50000 --table-rows expenses=50000 --fill-module
            bench/bench_flavours.py: the workbook a client has, the template's 5,000 prepared
            rows per table with Participation and Expenses grown to 50,000 rows the documented
            way (README, "Tables that grow"; OnePercentPreparedRows stays 5000), so the
            Summary's tables by activity and by employee have 5,000 lines each; this file's
            fill(book) writes 50,000 participation rows, as many expenses, 5,000 employees
            and 1,000 activities (bench/make_large_workbook.py's make_data); a table whose
            count is above --rows gets --table-rows TABLE=count.  Then loaded in a headless
            office with the .oxt installed, calculateAll, stored as .ods (calc8);
  portable  the same with --flavour portable (built-in functions only, the Law sheet);
  values    the stored portable .ods with every formula cell replaced by its value (one UNO
            pass: getDataArray/setDataArray over the formula ranges; an error result has no
            value and stays a formula, counted: the Law sheet's =NA() cells), stored as .ods.

Then ONE office (throwaway profile under --work, the .oxt installed, as a firm's office has
it) opens each file hidden and read-only and reads it once as the batch validator's office
reader does (dialogs/uno_workbook/workbook_reader.cxx): per sheet, the used area, getDataArray
in bands of at most 65,536 cells, one query of the formula cells and one of the error cells.
One round not counted (warm-up; it also checks that the three files hold the same data),
then --runs rounds, the three files in a rotated order each round; the table gives the
medians of load, read and load + read, and the ratios to values only measured in the same
run (goal: portable <= 1.3x values only).

With --validator, also whole onepercent-validate --reader office --timings runs (one run per
round, the three files in rotated order): the medians of its load + read per file.

Not a test: no assertion on time. Prints the README's table.

    /usr/bin/python3 bench/bench_flavours.py --oxt build/onepercent.oxt \\
        --law-tables-program build/functions/engine/onepercent-law-tables \\
        --work build/bench/flavours [--validator build/dialogs/batch/onepercent-validate]
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
GEN_WORKBOOK = os.path.join(ROOT, "samples", "template", "gen_workbook.py")
LAW_TABLES_PROGRAM = os.path.join(ROOT, "build", "functions", "engine", "onepercent-law-tables")

FLAVOURS = ("linked", "portable", "values")
# What the 50,000-row workbook holds: the participation rows (the goal's 50,000), as many
# expenses, and employees and activities in the proportions of bench/make_large_workbook.py.
DEFAULT_COUNTS = {"employees": 5000, "activities": 1000, "participation": 50000,
                  "expenses": 50000}
COUNTS_VARIABLE = "ONEPERCENT_BENCH_FLAVOURS_COUNTS"   # this file -> its fill(book)
BLOCK_CELLS = 65536              # uno_workbook::block_cells


def median(values):
    return statistics.median(values) if values else float("nan")


# ---- fill(book): the data, when gen_workbook.py loads this file with --fill-module ----------

def fill(book):
    """Write make_large_workbook.make_data's consistent 2025 data (counts from
    $ONEPERCENT_BENCH_FLAVOURS_COUNTS, else DEFAULT_COUNTS) into a gen_workbook.Workbook."""
    generator_module = sys.modules[type(book).__module__]   # gen_workbook, also as __main__
    sys.path.insert(0, HERE)
    sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
    import make_large_workbook
    counts = dict(DEFAULT_COUNTS)
    counts.update(json.loads(os.environ.get(COUNTS_VARIABLE, "{}")))
    data = make_large_workbook.make_data(counts)

    def convert(key, value):
        if key in ("start_date", "completion_date") and isinstance(value, float):
            day = make_large_workbook.NULL_DATE + datetime.timedelta(days=int(value))
            return generator_module.Date(day.isoformat())
        if key == "year":
            return int(value)
        return value

    for key, value in data["employer"].items():
        if value not in (None, ""):
            book.set_employer(key, convert(key, value))
    for table in ("employees", "activities", "participation", "expenses"):
        for index, record in enumerate(data[table]):
            book.set_table_row(table, index, {key: convert(key, value)
                                              for key, value in record.items()
                                              if value not in (None, "")})
    return []


# ---- the three files ------------------------------------------------------------------------

def file_digest(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def law_tables(args):
    """The engine's law tables (JSON) under --work, printed by onepercent-law-tables."""
    if args.law_tables:
        return os.path.abspath(args.law_tables)
    path = os.path.join(args.work, "law-tables.json")
    result = subprocess.run([args.law_tables_program], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise SystemExit("error: %s failed (exit %d): %s" % (
            args.law_tables_program, result.returncode, result.stderr.decode()[-500:]))
    with open(path + ".tmp", "wb") as out:
        out.write(result.stdout)
    os.replace(path + ".tmp", path)
    return path


def recipe(args, counts, tables):
    """What the linked and portable files are made from: the generator's Python files, this
    file's fill and generate, make_large_workbook.py, the counts, the law tables, the .oxt."""
    import inspect
    parts = [json.dumps(counts, sort_keys=True), "rows %d" % args.rows,
             "table rows %s" % json.dumps(table_rows(args, counts), sort_keys=True),
             inspect.getsource(fill), inspect.getsource(generate), inspect.getsource(table_rows)]
    generator = os.path.dirname(GEN_WORKBOOK)
    sources = sorted(os.path.join(generator, name) for name in os.listdir(generator)
                     if name.endswith(".py"))
    for path in sources + [os.path.join(HERE, "make_large_workbook.py"), tables, args.oxt]:
        parts.append(file_digest(path))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def table_rows(args, counts):
    """{table: prepared rows} of the tables whose count is above --rows: grown as a client
    grows them (gen_workbook.py --table-rows); the others keep --rows."""
    return {table: count for table, count in sorted(counts.items()) if count > args.rows}


def generate(args, flavour, counts, tables, out):
    """gen_workbook.py --flavour FLAVOUR --rows N [--table-rows TABLE=COUNT...] --fill-module
    this file --out OUT.fods"""
    env = dict(os.environ)
    env[COUNTS_VARIABLE] = json.dumps(counts)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, GEN_WORKBOOK, "--law-tables", tables, "--flavour", flavour,
               "--rows", str(args.rows), "--fill-module", os.path.abspath(__file__),
               "--out", out]
    for table, rows in table_rows(args, counts).items():
        command += ["--table-rows", "%s=%d" % (table, rows)]
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, timeout=3600)
    if result.returncode != 0:
        raise SystemExit("error: gen_workbook.py --flavour %s failed (exit %d): %s" % (
            flavour, result.returncode, result.stderr.decode("utf-8", "replace")[-2000:]))
    print("  gen_workbook.py --flavour %s: %.0f s, %.0f MB" % (
        flavour, time.monotonic() - started, os.path.getsize(out) / 1e6), flush=True)


def formula_ranges(sheet):
    """The sheet's formula cells as range addresses (one query of the used area)."""
    from com.sun.star.sheet.CellFlags import FORMULA
    end = used_end(sheet)
    if end is None:
        return []
    used = sheet.getCellRangeByPosition(0, 0, end[1], end[0])
    found = used.queryContentCells(FORMULA)
    return list(found.getRangeAddresses()) if found is not None else []


def used_end(sheet):
    """(last row, last column) of the used area, 0-based."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    address = cursor.getRangeAddress()
    return address.EndRow, address.EndColumn


def to_values(document):
    """Replace every formula cell by its value; (formula cells, error results). An error
    has no value: setDataArray leaves those cells as they are (the Law sheet's =NA()).
    Every value is read first, while the office computes what a read asks for; then the
    values are written with calculation off and the undo manager locked (no undo action for
    two million cells), the sheets from the last to the first: the Summary's formulas, which
    listen to whole columns of the tables, are values before the tables are written (the
    tables first: each written block notified 100,000 Summary formulas, for hours)."""
    formulas = errors = 0
    blocks = []
    sheets = document.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        for address in formula_ranges(sheet):
            width = address.EndColumn - address.StartColumn + 1
            band = max(1, BLOCK_CELLS // width)
            for first in range(address.StartRow, address.EndRow + 1, band):
                last = min(address.EndRow, first + band - 1)
                data = sheet.getCellRangeByPosition(address.StartColumn, first,
                                                    address.EndColumn, last).getDataArray()
                formulas += width * (last - first + 1)
                errors += sum(1 for row in data for value in row if value is None)
                blocks.append((index, address.StartColumn, first, address.EndColumn, last,
                               data))
    undo = document.getUndoManager()
    undo.lock()
    document.enableAutomaticCalculation(False)
    document.lockControllers()
    try:
        for index in reversed(range(sheets.getCount())):
            sheet = sheets.getByIndex(index)
            protected = sheet.isProtected()
            if protected:
                sheet.unprotect("")
            for _, left, top, right, bottom, data in (b for b in blocks if b[0] == index):
                sheet.getCellRangeByPosition(left, top, right, bottom).setDataArray(data)
            if protected:
                sheet.protect("")
    finally:
        document.unlockControllers()
        # AutoCalculate is a document setting that the .ods keeps: switch it back on.
        document.enableAutomaticCalculation(True)
        undo.unlock()
    return formulas, errors


def store(office, document, path):
    """Store as .ods (calc8) through a temporary name: an interrupted store leaves no file
    that a later run would take for a finished one."""
    temporary = path + ".part.ods"
    document.storeToURL(office.file_url(temporary),
                        office.props(FilterName="calc8", Overwrite=True))
    os.replace(temporary, path)


def made_from():
    """The commit the generator was run from, and whether samples/template differed from it."""
    def git(*arguments):
        result = subprocess.run(["git", "-C", ROOT] + list(arguments), capture_output=True)
        return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 \
            else ""
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--", "samples/template")
    return "commit %s%s" % (commit, ", samples/template modified" if changed else "")


def ensure_workbooks(args):
    """{flavour: .ods path}, made under --work; a file made earlier with the same recipe is
    kept (the recipe is written first, each file when it is complete)."""
    import office
    counts = {"employees": args.employees, "activities": args.activities,
              "participation": args.participation, "expenses": args.expenses}
    tables = law_tables(args)
    stamp = recipe(args, counts, tables)
    stamp_path = os.path.join(args.work, "recipe.txt")
    paths = {flavour: os.path.join(args.work, "flavour-%s.ods" % flavour)
             for flavour in FLAVOURS}
    try:
        with open(stamp_path, encoding="utf-8") as source:
            same = source.read().strip() == stamp
    except OSError:
        same = False
    if not same or args.remake:
        for path in list(paths.values()) + [os.path.join(args.work, "made-from.txt")]:
            if os.path.exists(path):
                os.remove(path)
        with open(stamp_path, "w", encoding="utf-8") as out:
            out.write(stamp + "\n")
        with open(os.path.join(args.work, "made-from.txt"), "w", encoding="utf-8") as out:
            out.write(made_from() + "\n")
    # The values-only copy also depends on how it is made.
    import inspect
    values_stamp = hashlib.sha256((stamp + inspect.getsource(to_values)).encode()).hexdigest()
    values_stamp_path = os.path.join(args.work, "values-recipe.txt")
    try:
        with open(values_stamp_path, encoding="utf-8") as source:
            same = source.read().strip() == values_stamp
    except OSError:
        same = False
    if not same:
        if os.path.exists(paths["values"]):
            os.remove(paths["values"])
        with open(values_stamp_path, "w", encoding="utf-8") as out:
            out.write(values_stamp + "\n")
    missing = [flavour for flavour in FLAVOURS if not os.path.isfile(paths[flavour])]
    if not missing:
        print("reusing the three workbooks under %s (same recipe)" % args.work, flush=True)
        return paths
    print("making %s (%s) under %s..." % (
        ", ".join(missing), ", ".join("%d %s" % (n, k) for k, n in counts.items()),
        args.work), flush=True)
    started = time.monotonic()
    with office.Office(os.path.join(args.work, "make-office"), locale="en-US",
                       timeout=args.timeout, verbose=args.verbose,
                       deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        for flavour in ("linked", "portable"):
            if flavour not in missing:
                continue
            source = os.path.join(args.work, "flavour-%s-generated.fods" % flavour)
            generate(args, flavour, counts, tables, source)
            moment = time.monotonic()
            document = the_office.load(source, hidden=True)
            try:
                loaded = time.monotonic() - moment
                moment = time.monotonic()
                document.calculateAll()
                calculated = time.monotonic() - moment
                store(office, document, paths[flavour])
            finally:
                office.close_document(document)
            os.remove(source)
            print("  %s: loaded %.0f s, calculateAll %.0f s, stored %s (%.1f MB)" % (
                flavour, loaded, calculated, paths[flavour],
                os.path.getsize(paths[flavour]) / 1e6), flush=True)
        if "values" in missing:
            moment = time.monotonic()
            document = the_office.load(paths["portable"], hidden=True)
            try:
                formulas, errors = to_values(document)
                store(office, document, paths["values"])
            finally:
                office.close_document(document)
            print("  values: %d formula cells replaced by their values (%d error results kept "
                  "as formulas), stored %s (%.1f MB) in %.0f s" % (
                      formulas, errors, paths["values"],
                      os.path.getsize(paths["values"]) / 1e6, time.monotonic() - moment),
                  flush=True)
    print("made in %.0f s" % (time.monotonic() - started), flush=True)
    return paths


# ---- open + first read ----------------------------------------------------------------------

def read_document(document, rows_digest=None, widths=None):
    """Read every sheet once as the office reader does; (cells read, {sheet name: formula
    cells}, error cells, {sheet name: columns of its used area}). rows_digest: a dict that
    receives {sheet name: [hash of each row's values]}; widths: {sheet name: columns}, the
    columns of each row that rows_digest hashes (default: the used area's)."""
    from com.sun.star.sheet.CellFlags import FORMULA
    from com.sun.star.sheet.FormulaResult import ERROR
    cells = errors = 0
    formulas, used_columns = {}, {}
    sheets = document.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        last_row, last_column = used_end(sheet)
        rows, columns = last_row + 1, last_column + 1
        used_columns[sheet.getName()] = columns
        band = max(1, BLOCK_CELLS // columns)
        hashes = []
        for first in range(0, rows, band):
            last = min(rows, first + band) - 1
            data = sheet.getCellRangeByPosition(0, first, columns - 1, last).getDataArray()
            cells += columns * (last - first + 1)
            if rows_digest is not None:
                width = (widths or {}).get(sheet.getName(), columns)
                hashes.extend(row_hash(row[:width]) for row in data)
        if rows_digest is not None:
            rows_digest[sheet.getName()] = hashes
        used = sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1)
        for flags, query in ((FORMULA, used.queryContentCells),
                             (ERROR, used.queryFormulaCells)):
            found = query(flags)
            count = 0
            if found is not None:
                for address in found.getRangeAddresses():
                    count += ((address.EndRow - address.StartRow + 1) *
                              (address.EndColumn - address.StartColumn + 1))
            if flags == FORMULA:
                formulas[sheet.getName()] = count
            else:
                errors += count
    return cells, formulas, errors, used_columns


def open_and_read(the_office, path, rows_digest=None, widths=None):
    import office
    started = time.perf_counter()
    document = the_office.load(path, hidden=True, read_only=True)
    try:
        loaded = time.perf_counter()
        counts = read_document(document, rows_digest, widths)
        read = time.perf_counter()
    finally:
        office.close_document(document)
    return loaded - started, read - loaded, counts


def row_hash(row):
    """A row's values, numbers to the cent, empty cells at its end left out (a values-only
    copy has no empty-result formulas, so its used area may be smaller)."""
    values = [round(value, 2) if isinstance(value, float) else value for value in row]
    while values and values[-1] == "":
        values.pop()
    return hash(tuple(values))


def differing_rows(first, second):
    """Rows that differ between two {sheet: [row hashes]}, over the sheets both have (a row
    past a sheet's used area is empty)."""
    empty = row_hash(())
    different = 0
    for name in set(first) & set(second):
        a, b = first[name], second[name]
        length = max(len(a), len(b))
        a = a + [empty] * (length - len(a))
        b = b + [empty] * (length - len(b))
        different += sum(1 for x, y in zip(a, b) if x != y)
    return different


def measure_in_office(args, paths):
    import office
    times = {flavour: {"load": [], "read": []} for flavour in FLAVOURS}
    notes = []
    with office.Office(os.path.join(args.work, "office"), locale="en-US",
                       timeout=args.timeout, verbose=args.verbose,
                       deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        digests = {}
        for flavour in FLAVOURS:
            digests[flavour] = {}
            load, read, (cells, formulas, errors, columns) = open_and_read(
                the_office, paths[flavour], digests[flavour])
            if flavour == "linked":
                linked_columns = columns
            print("  warm-up %-8s load %6.2f s, read %6.2f s: %d cells in %d sheets, %d "
                  "formula cells, %d error results" % (flavour, load, read, cells,
                                                       len(digests[flavour]),
                                                       sum(formulas.values()), errors),
                  flush=True)
            with zipfile.ZipFile(paths[flavour]) as archive:
                content = archive.getinfo("content.xml").file_size
            notes.append("%s: %.1f MB .ods (content.xml %.0f MB), %d cells read in %d sheets, "
                         "%d error results; formula cells by sheet: %s" % (
                             flavour, os.path.getsize(paths[flavour]) / 1e6, content / 1e6,
                             cells, len(digests[flavour]), errors,
                             ", ".join("%s %d" % item for item in formulas.items())))
        # The portable flavour's hidden helper columns (layout.PORTABLE_HELPERS, right of the
        # contract's) are not in the linked one: against it, the linked flavour's columns.
        digests["portable (linked columns)"] = {}
        open_and_read(the_office, paths["portable"], digests["portable (linked columns)"],
                      linked_columns)
        for a, b in (("linked", "portable (linked columns)"), ("portable", "values")):
            notes.append("rows that differ (numbers to the cent), %s against %s: %d"
                         % (a, b, differing_rows(digests[a], digests[b])))
        digests = None
        loads = []
        for run in range(args.runs):
            order = FLAVOURS[run % 3:] + FLAVOURS[:run % 3]
            for flavour in order:
                load, read, _ = open_and_read(the_office, paths[flavour])
                times[flavour]["load"].append(load)
                times[flavour]["read"].append(read)
                loads.append(os.getloadavg()[0])
                print("  run %d %-8s load %6.2f s, read %6.2f s, open + first read %6.2f s"
                      % (run + 1, flavour, load, read, load + read), flush=True)
    notes.insert(0, "machine load average (1 min) after each counted file: %.1f to %.1f"
                 % (min(loads), max(loads)))
    return times, notes


def measure_validator(args, paths):
    """Whole onepercent-validate --reader office --timings runs: {flavour: [load + read]}."""
    times = {flavour: [] for flavour in FLAVOURS}
    by_path = {os.path.abspath(path): flavour for flavour, path in paths.items()}
    for run in range(args.runs):
        order = FLAVOURS[run % 3:] + FLAVOURS[:run % 3]
        command = [args.validator, "--extension", args.oxt, "--work",
                   os.path.join(args.work, "validator"), "--quiet", "--timings", "--format",
                   "json", "--reader", "office", "--timeout", "3600", "--"] + \
            [paths[flavour] for flavour in order]
        result = subprocess.run(command, capture_output=True, timeout=3 * 3600)
        seen = set()
        for line in result.stderr.decode("utf-8", "replace").splitlines():
            fields = line.split("\t")
            if len(fields) == 5 and fields[0] == "timings":
                flavour = by_path.get(os.path.abspath(fields[1]))
                if flavour is None:
                    continue
                load, read = (float(field.split()[1]) for field in fields[2:4])
                times[flavour].append(load + read)
                seen.add(flavour)
                print("  validator run %d %-8s load %6.2f s, read %6.2f s" % (
                    run + 1, flavour, load, read), flush=True)
        if len(seen) != len(FLAVOURS):
            print("  validator run %d: no timings for %s (exit %d): %s" % (
                run + 1, ", ".join(sorted(set(FLAVOURS) - seen)), result.returncode,
                result.stderr.decode("utf-8", "replace")[-1000:]), flush=True)
    return times


def main(argv=None):
    sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
    import office
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.set_defaults(deadline=4 * 3600.0)
    parser.add_argument("--law-tables-program", default=LAW_TABLES_PROGRAM,
                        help="onepercent-law-tables (prints the engine's law tables)")
    parser.add_argument("--law-tables", help="the JSON it printed, instead of running it")
    parser.add_argument("--validator", help="onepercent-validate: also time its office reader")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=5000,
                        help="prepared rows per table, as in the template (gen_workbook.py "
                             "--rows); a table with more rows than that is grown to its count "
                             "(gen_workbook.py --table-rows)")
    for key, value in DEFAULT_COUNTS.items():
        parser.add_argument("--" + key, type=int, default=value)
    parser.add_argument("--remake", action="store_true", help="make the workbooks again")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    if args.runs < 1:
        parser.error("--runs: at least 1")
    if not 1 <= args.rows <= 100000:
        parser.error("--rows: expected 1..100000")
    if not all(1 <= count <= 100000 for count in (args.participation, args.expenses,
                                                   args.employees, args.activities)):
        parser.error("a count is outside 1..100000")
    args.oxt = os.path.abspath(args.oxt)
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    paths = ensure_workbooks(args)
    print("open + first read in one office, %d runs after a warm-up..." % args.runs,
          flush=True)
    times, notes = measure_in_office(args, paths)
    validator = measure_validator(args, paths) if args.validator else None

    total = {flavour: median([load + read for load, read in
                              zip(times[flavour]["load"], times[flavour]["read"])])
             for flavour in FLAVOURS}
    print()
    print("## Open + first read: linked, portable and values only")
    print()
    print("Machine: %s, %d CPU (cores), load average %.1f at the end; medians of %d runs in "
          "one office (the .oxt installed), the three files in a rotated order each run. "
          "Files: %s." % (platform.platform(terse=True), os.cpu_count() or 0,
                          os.getloadavg()[0], args.runs,
                          ", ".join("%s %.1f MB" % (f, os.path.getsize(paths[f]) / 1e6)
                                    for f in FLAVOURS)))
    print()
    print("| 50,000-row workbook | load s | first read s | open + first read s | "
          "ratio to values only |")
    print("|---|---:|---:|---:|---:|")
    for flavour in FLAVOURS:
        print("| %s | %.2f | %.2f | %.2f | **%.2f×** |" % (
            flavour, median(times[flavour]["load"]), median(times[flavour]["read"]),
            total[flavour], total[flavour] / total["values"]))
    print()
    print("linked / values = %.2f×, portable / values = %.2f× (goal ≤ 1.3×), "
          "linked / portable = %.2f×" % (total["linked"] / total["values"],
                                         total["portable"] / total["values"],
                                         total["linked"] / total["portable"]))
    if validator:
        medians = {flavour: median(validator[flavour]) for flavour in FLAVOURS}
        print()
        print("onepercent-validate --reader office --timings, load + read: " + ", ".join(
            "%s %.2f s (%.2f×)" % (f, medians[f], medians[f] / medians["values"])
            for f in FLAVOURS))
    print()
    try:
        with open(os.path.join(args.work, "made-from.txt"), encoding="utf-8") as source:
            notes.insert(0, "workbooks made from %s" % source.read().strip())
    except OSError:
        pass
    counts = {"employees": args.employees, "activities": args.activities,
              "participation": args.participation, "expenses": args.expenses}
    grown = table_rows(args, counts)
    notes.insert(0, "the workbook has %d prepared rows per table (OnePercentPreparedRows), %s" % (
        args.rows, ", ".join("%s grown to %d rows" % item for item in grown.items())
        if grown else "no table grown"))
    for note in notes:
        print("Note: %s" % note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
