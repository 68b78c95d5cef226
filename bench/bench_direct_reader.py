#!/usr/bin/python3
"""Benchmark the direct reader against the office path, side by side in one run.

onepercent-validate --reader direct (no office: each file read by the direct reader in a
child process) against --reader office (a headless office of its own, extension installed),
on the same files, the two interleaved, medians of --runs:

(a) --files small client files per format (.ods and .xlsx copies of the samples, --planted
    of them planted), in one folder: files per minute over the whole run, start-up included
    (goal: direct >= 8x the office).
(b) The 50,000-row workbook (bench/make_large_workbook.py; made under --large if missing) as
    .ods and as .xlsx (stored by the office from the .ods): seconds for the whole run (goals:
    >= 4x on the .ods, >= 2.5x on the .xlsx).
(c) Peak memory of the direct reader on the 50,000-row .ods: the reader child's resident peak
    (onepercent-direct-dump --isolated) and the whole onepercent-validate process tree's
    (wait4) (goal < 300 MB).

Not a test: no assertion on time. Prints the README's table.

    /usr/bin/python3 bench/bench_direct_reader.py \\
        --validator build/dialogs/batch/onepercent-validate \\
        --dump build/tests/direct_reader/onepercent-direct-dump \\
        --oxt build/onepercent.oxt --work build/bench/direct
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, HERE)

DEFAULT_LARGE = os.path.join(ROOT, "build", "bench", "large", "large-2025.ods")


def median(values):
    return statistics.median(values) if values else float("nan")


def run_validator(args, reader, inputs, work):
    """(wall seconds, exit code, reports, peak KiB of the process tree)."""
    command = [args.validator, "--extension", args.oxt, "--work", work, "--quiet",
               "--format", "json", "--reader", reader] + list(inputs)
    started = time.monotonic()
    with open(os.path.join(args.work, "report.json"), "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    try:
        with open(os.path.join(args.work, "report.json"), encoding="utf-8") as report:
            reports = json.load(report)["reports"]
    except (ValueError, KeyError):
        reports = []
    return wall, process.returncode, reports, usage.ru_maxrss


def make_clients(folder, extension, files, planted):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    clean = os.path.join(ROOT, "samples", "client-clean" + extension)
    dirty = os.path.join(ROOT, "samples", "client-planted" + extension)
    step = files // planted if planted else files + 1
    for index in range(files):
        source = dirty if planted and index % step == step - 1 and index // step < planted \
            else clean
        kind = "planted" if source == dirty else "clean"
        shutil.copyfile(source, os.path.join(folder, "client-%03d-%s%s" % (index + 1, kind,
                                                                           extension)))
    return folder


def ensure_large(args):
    import office
    xlsx = os.path.splitext(args.large)[0] + ".xlsx"
    if os.path.isfile(args.large) and os.path.isfile(xlsx):
        return args.large, xlsx
    import make_large_workbook
    with office.Office(os.path.join(args.work, "make-large"), locale="en-US",
                       timeout=args.timeout, deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        if not os.path.isfile(args.large):
            print("making %s (bench/make_large_workbook.py)..." % args.large, flush=True)
            make_large_workbook.make_workbook(
                the_office, make_large_workbook.TEMPLATE, args.large,
                {"employees": 5000, "activities": 500, "participation": 5000, "expenses": 50000},
                lambda message: print("  " + message, flush=True))
        print("storing %s (the office's .xlsx filter)..." % xlsx, flush=True)
        document = the_office.load(args.large, hidden=True, read_only=True)
        try:
            document.storeToURL(office.file_url(xlsx), office.props(
                FilterName="Calc MS Excel 2007 XML", Overwrite=True))
        finally:
            office.close_document(document)
    return args.large, xlsx


def measure(args, label, inputs, count):
    """Interleaved runs of both readers; the medians and what each run read."""
    walls = {"direct": [], "office": []}
    peaks = {"direct": [], "office": []}
    problems = []
    for number in range(args.runs):
        for reader in ("direct", "office"):
            wall, code, reports, peak = run_validator(
                args, reader, inputs, os.path.join(args.work, "validator-" + reader))
            walls[reader].append(wall)
            peaks[reader].append(peak)
            wrong = [r["file"] for r in reports if not r.get("readable") or
                     r.get("reader") != reader]
            if len(reports) != count or wrong:
                problems.append("%s %s run %d: %d reports, not read by %s: %s" % (
                    label, reader, number + 1, len(reports), reader, wrong[:3]))
            print("  %s --reader %s run %d: %.1f s, exit %d" % (label, reader, number + 1, wall,
                                                               code), flush=True)
    return {reader: median(values) for reader, values in walls.items()}, peaks, problems


def main(argv=None):
    import office
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.set_defaults(deadline=1800.0)
    parser.add_argument("--validator", required=True, help="onepercent-validate")
    parser.add_argument("--dump", required=True, help="onepercent-direct-dump")
    parser.add_argument("--large", default=DEFAULT_LARGE,
                        help="the 50,000-row .ods (its .xlsx beside it); made if missing")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--planted", type=int, default=5)
    parser.add_argument("--parts", default="abc", help="any of a, b, c")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    args.work = os.path.abspath(args.work)
    args.large = os.path.abspath(args.large)
    os.makedirs(args.work, exist_ok=True)

    rows = []
    problems = []
    if "a" in args.parts:
        for extension in (".ods", ".xlsx"):
            folder = make_clients(os.path.join(args.work, "clients" + extension), extension,
                                  args.files, args.planted)
            print("(a) %d small %s files..." % (args.files, extension), flush=True)
            walls, _, found = measure(args, extension, [folder], args.files)
            problems += found
            office_rate = 60.0 * args.files / walls["office"]
            direct_rate = 60.0 * args.files / walls["direct"]
            rows.append(("%d small `%s`, files/min" % (args.files, extension),
                         "%.0f" % office_rate, "%.0f" % direct_rate,
                         direct_rate / office_rate, "≥ 8×"))
    large = xlsx = None
    if "b" in args.parts or "c" in args.parts:
        large, xlsx = ensure_large(args)
    if "b" in args.parts:
        for path, goal in ((large, "≥ 4×"), (xlsx, "≥ 2.5×")):
            extension = os.path.splitext(path)[1]
            print("(b) the 50,000-row %s..." % extension, flush=True)
            walls, _, found = measure(args, extension, [path], 1)
            problems += found
            rows.append(("50,000-row `%s`, seconds" % extension, "%.1f" % walls["office"],
                         "%.1f" % walls["direct"], walls["office"] / walls["direct"], goal))
    if "c" in args.parts:
        print("(c) peak memory on the 50,000-row .ods...", flush=True)
        child = []
        tree = []
        for _ in range(args.runs):
            result = subprocess.run([args.dump, "--isolated", "--summary", large],
                                    capture_output=True, timeout=600)
            child.append(json.loads(result.stdout.decode("utf-8"))[0]["peakKiB"])
            tree.append(run_validator(args, "direct", [large],
                                      os.path.join(args.work, "validator-direct"))[3])
        rows.append(("peak memory, direct, 50,000-row `.ods`: reader child / whole run", "",
                     "%.0f MB / %.0f MB" % (median(child) / 1024, median(tree) / 1024), None,
                     "< 300 MB"))

    print()
    print("## Direct reader against the office")
    print()
    print("Machine: %s, %d CPU (cores), load average %.1f at the end; medians of %d runs, "
          "direct and office interleaved. Whole `onepercent-validate` runs (process wall time, "
          "office start-up included)." % (platform.platform(terse=True), os.cpu_count() or 0,
                                           os.getloadavg()[0], args.runs))
    print()
    print("| measured in one run | office path | direct read | ratio | goal |")
    print("|---|---:|---:|---:|---|")
    for label, office_value, direct_value, ratio, goal in rows:
        print("| %s | %s | %s | %s | %s |" % (label, office_value or "–", direct_value,
                                             "%.1f×" % ratio if ratio else "–", goal))
    for problem in problems:
        print("\nNote: %s" % problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
