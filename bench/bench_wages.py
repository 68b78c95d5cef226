#!/usr/bin/python3
"""Benchmark TRAINING.WAGES against a built-in formula in headless Calc.

One office process (throwaway profile under --work, extension installed) and three
documents holding the same N rows of hours (A) and hourly rates (B):

  baseline  C1:C<N>  =ROUND(A1*B1;2)                  one formula + fillAuto
  scalar    C1:C<N>  =TRAINING.WAGES(A1;B1)            one formula + fillAuto
  array     C1:C<N>  {=TRAINING.WAGES(A1:A<N>;B1:B<N>)}  one setArrayFormula

Each document is recalculated in full (calculateAll) --runs times; the table gives the
median, and the ratio of each median to the baseline's median measured in the same run.
It also counts the rows where the add-in's cents differ from ROUND's. Not a test: no
assertion on time.

    /usr/bin/python3 bench/bench_wages.py --oxt build/onepercent.oxt --work build/bench
"""
import argparse
import os
import platform
import random
import statistics
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "calc"))

import office  # noqa: E402

import uno  # noqa: E402  (importable once office.py has checked the interpreter)

TO_BOTTOM = uno.Enum("com.sun.star.sheet.FillDirection", "TO_BOTTOM")



def inputs(rows, seed=1):
    """Hours in half-hours up to 40, rates with cents between 15 and 120 (fixed seed)."""
    generator = random.Random(seed)
    return tuple((generator.randint(1, 80) / 2.0, generator.randint(1500, 12000) / 100.0)
                 for _ in range(rows))


def make_document(the_office, data, variant):
    document = the_office.new_spreadsheet()
    document.enableAutomaticCalculation(False)
    sheet = document.getSheets().getByIndex(0)
    rows = len(data)
    sheet.getCellRangeByName("A1:B%d" % rows).setDataArray(data)
    started = time.perf_counter()
    column = sheet.getCellRangeByName("C1:C%d" % rows)
    if variant == "array":
        column.setArrayFormula("=TRAINING.WAGES(A1:A%d;B1:B%d)" % (rows, rows))
    elif variant == "builtin_array":
        column.setArrayFormula("=ROUND(A1:A%d*B1:B%d;2)" % (rows, rows))
    else:
        formula = "=ROUND(A1*B1;2)" if variant == "baseline" else "=TRAINING.WAGES(A1;B1)"
        sheet.getCellByPosition(2, 0).setFormula(formula)
        column.fillAuto(TO_BOTTOM, 1)
    fill_seconds = time.perf_counter() - started
    return document, column, fill_seconds


def measure(document, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        document.calculateAll()
        times.append(time.perf_counter() - started)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    if args.runs < 1 or args.rows < 1:
        parser.error("--rows and --runs must be positive")
    data = inputs(args.rows)
    # builtin_array: Calc's own array-formula machinery, the floor for any array form.
    variants = ("baseline", "builtin_array", "scalar", "array")
    results = {}
    columns = {}
    try:
        with office.Office(os.path.join(args.work, "office"), locale="en-US",
                           timeout=args.timeout, verbose=args.verbose,
                           deadline=args.deadline) as the_office:
            the_office.install_extension(args.oxt)
            documents = {}
            for variant in variants:
                documents[variant], column, fill = make_document(the_office, data, variant)
                results[variant] = {"fill": fill}
            # Interleave the runs so that a slow moment of the machine hits every variant.
            for variant in variants:
                results[variant]["times"] = []
            for _ in range(args.runs):
                for variant in variants:
                    results[variant]["times"] += measure(documents[variant], 1)
            for variant in variants:
                sheet = documents[variant].getSheets().getByIndex(0)
                columns[variant] = [row[0] for row in sheet.getCellRangeByName(
                    "C1:C%d" % args.rows).getDataArray()]
                office.close_document(documents[variant])
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2

    baseline = statistics.median(results["baseline"]["times"])
    print("TRAINING.WAGES vs ROUND(A*B;2): %d rows, median of %d full recalculations "
          "(calculateAll), one office process; %s, %d CPU" % (
              args.rows, args.runs, platform.platform(terse=True), os.cpu_count() or 0))
    print()
    print("| formula | fill (s) | median (s) | min (s) | max (s) | µs per row | ratio to baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    labels = {"baseline": "`=ROUND(A1*B1;2)` (baseline)",
              "builtin_array": "`{=ROUND(A1:A%d*B1:B%d;2)}` (built-in, array form)" % (
                  args.rows, args.rows),
              "scalar": "`=TRAINING.WAGES(A1;B1)` filled down",
              "array": "`{=TRAINING.WAGES(A1:A%d;B1:B%d)}`" % (args.rows, args.rows)}
    for variant in variants:
        times = results[variant]["times"]
        median = statistics.median(times)
        print("| %s | %.2f | %.3f | %.3f | %.3f | %.2f | %.2f |" % (
            labels[variant], results[variant]["fill"], median, min(times), max(times),
            median / args.rows * 1e6, median / baseline if baseline > 0 else float("nan")))
    print()
    for variant in ("builtin_array", "scalar", "array"):
        different = [i for i, (a, b) in enumerate(zip(columns[variant], columns["baseline"]))
                     if not (isinstance(a, float) and isinstance(b, float) and abs(a - b) < 1e-9)]
        note = ""
        if different:
            i = different[0]
            note = " (first: row %d, %g h x %g $/h: %r vs ROUND %r)" % (
                i + 1, data[i][0], data[i][1], columns[variant][i], columns["baseline"][i])
        print("%s: %d of %d rows differ from ROUND(A*B;2)%s" % (variant, len(different),
                                                                args.rows, note))
    return 0


if __name__ == "__main__":
    sys.exit(main())
