#!/usr/bin/python3
"""Benchmark the OnePercent validation: the batch validator and the dialog in Calc.

(a) Large workbook (bench/make_large_workbook.py: 5,000 employees, 500 activities, 5,000
    participation rows, 50,000 expenses; made under --large if missing): onepercent-validate
    --timings, --runs times. Medians of load (loadComponentFromURL), read (the bulk reads
    getDataArray/getFormulaArray per sheet into the model) and validate (the rule engine),
    and the ratio (read + validate) / read: validation time as a ratio to the time of the
    bulk reads alone (goal <= 1.5x).
(b) Inside the office (tests/calc/office.py, extension installed): the large workbook opened
    hidden, the dialog service org.onepercent.ValidationDialog created on its frame (its
    first validation) and "Validate again" --runs times, against a pure bulk read from Python
    of every sheet's used range (getDataArray + getFormulaArray), measured in the same office
    and interleaved with it. Python's read crosses the UNO bridge between processes; the
    dialog reads in process.
(c) Batch rate: --files small client files (copies of samples/client-clean.fods and
    --planted copies of client-planted.fods) in one folder, validated with --jobs 1 and
    --jobs 2: files per minute over the whole run (office start-up included) and excluding
    start-up (from the time the first file's work began, read off the --timings lines).

Medians; the ratios are to baselines measured in the same run. Not a test: no assertion on
time.

    /usr/bin/python3 bench/bench_validation.py --validator build/dialogs/batch/onepercent-validate \\
        --oxt build/onepercent.oxt --work build/bench/validation
"""
import argparse
import collections
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))
sys.path.insert(0, HERE)

import office  # noqa: E402
import make_large_workbook  # noqa: E402

CELL_FLAGS_FORMULA = 16           # com.sun.star.sheet.CellFlags.FORMULA
DEFAULT_LARGE = os.path.join(ROOT, "build", "bench", "large", "large-2025.ods")


def median(values):
    return statistics.median(values) if values else float("nan")


def ratio(a, b):
    return a / b if b else float("nan")


# ---- running onepercent-validate --------------------------------------------------------

class Run:
    """One onepercent-validate process: wall time, the --timings lines with the moment each
    arrived, exit code and the JSON report."""

    def __init__(self, validator, oxt, work, inputs, jobs=1, timeout=3600):
        self.command = [validator, "--extension", oxt, "--work", work, "--quiet", "--timings",
                        "--format", "json", "--jobs", str(jobs)] + list(inputs)
        self.jobs = jobs
        self.timeout = timeout
        self.timings = []          # (seconds after start, file, load, read, validate)
        self.other_stderr = []
        self.wall = None
        self.code = None
        self.reports = []

    def execute(self):
        started = time.monotonic()
        process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        output = {}

        def read_stdout():
            output["data"] = process.stdout.read()

        reader = threading.Thread(target=read_stdout, daemon=True)
        reader.start()
        for raw in process.stderr:
            stamp = time.monotonic() - started
            line = raw.decode("utf-8", "replace").rstrip("\n")
            fields = line.split("\t")
            if len(fields) == 5 and fields[0] == "timings":
                try:
                    values = [float(field.split()[1]) for field in fields[2:]]
                except (IndexError, ValueError):
                    self.other_stderr.append(line)
                    continue
                self.timings.append((stamp, fields[1], *values))
            elif line:
                self.other_stderr.append(line)
        try:
            self.code = process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            process.kill()      # the validator ends its offices on SIGTERM/SIGINT only
            self.code = process.wait()
        reader.join(60)
        self.wall = time.monotonic() - started
        try:
            self.reports = json.loads(output.get("data", b"").decode("utf-8"))["reports"]
        except (ValueError, KeyError):
            self.reports = []
        return self

    def findings(self):
        return collections.Counter(f["ruleId"] for r in self.reports for f in r.get("findings", []))

    def unreadable(self):
        return [r.get("file") for r in self.reports if not r.get("readable", True)]


# ---- (a) the large workbook through the batch validator ---------------------------------

def ensure_large(args):
    if os.path.isfile(args.large):
        return
    print("making %s (bench/make_large_workbook.py)..." % args.large, flush=True)
    with office.Office(os.path.join(args.work, "make-large"), locale="en-US",
                       timeout=args.timeout, deadline=args.deadline) as the_office:
        the_office.install_extension(args.oxt)
        make_large_workbook.make_workbook(
            the_office, make_large_workbook.TEMPLATE, args.large,
            {"employees": 5000, "activities": 500, "participation": 5000, "expenses": 50000},
            lambda message: print("  " + message, flush=True))


def bench_batch_large(args):
    runs = []
    for number in range(args.runs):
        run = Run(args.validator, args.oxt, os.path.join(args.work, "batch-large"),
                  [args.large], timeout=args.process_timeout).execute()
        if not run.timings:
            raise RuntimeError("onepercent-validate gave no timings (exit %s): %s"
                               % (run.code, "\n".join(run.other_stderr[-20:])))
        print("  batch run %d: wall %.1f s, load %.2f s, read %.2f s, validate %.3f s, "
              "%d finding(s)" % (number + 1, run.wall, *run.timings[0][2:],
                                 sum(run.findings().values())), flush=True)
        runs.append(run)
    return runs


def print_batch_large(runs, large):
    rows = {"load": [r.timings[0][2] for r in runs],
            "read": [r.timings[0][3] for r in runs],
            "validate": [r.timings[0][4] for r in runs]}
    rows["read + validate"] = [a + b for a, b in zip(rows["read"], rows["validate"])]
    rows["wall"] = [r.wall for r in runs]
    findings = runs[-1].findings()
    print("### (a) Large workbook, batch validator (`onepercent-validate --timings`)")
    print()
    print("%s (%.1f MB); runs: %d, one validator process each; findings: %d%s." % (
        os.path.relpath(large, ROOT), os.path.getsize(large) / 1e6, len(runs),
        sum(findings.values()),
        (" (" + ", ".join("%s x%d" % i for i in sorted(findings.items())) + ")")
        if findings else ""))
    print()
    print("| step | median (s) | min (s) | max (s) | ratio to read |")
    print("|---|---:|---:|---:|---:|")
    labels = [("load", "load (`loadComponentFromURL`)"),
              ("read", "read (bulk reads into the model)"),
              ("validate", "validate (rule engine)"),
              ("read + validate", "read + validate"),
              ("wall", "process wall time (office start, install, load, read, validate, exit)")]
    read = median(rows["read"])
    for key, label in labels:
        values = rows[key]
        print("| %s | %.3f | %.3f | %.3f | %s |" % (
            label, median(values), min(values), max(values),
            "%.2f" % ratio(median(values), read) if key != "wall" else ""))
    print()
    print("**(read + validate) / read = %.2f×** (goal ≤ 1.5×): validation time as a ratio to "
          "the time of the bulk reads alone." % ratio(median(rows["read + validate"]), read))
    print()
    return {key: median(values) for key, values in rows.items()}


# ---- (b) inside the office: the dialog service vs a Python bulk read --------------------

def used_ranges(document):
    sheets = document.getSheets()
    for index in range(sheets.getCount()):
        sheet = sheets.getByIndex(index)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        yield sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)


def python_bulk_read(document, parts=None):
    """getDataArray + getFormulaArray of every sheet's used range; the number of cells.
    parts, when given, gets the seconds of each kind of call added."""
    cells = 0
    for used in used_ranges(document):
        started = time.perf_counter()
        data = used.getDataArray()
        middle = time.perf_counter()
        formulas = used.getFormulaArray()
        if parts is not None:
            parts["data"] += middle - started
            parts["formula"] += time.perf_counter() - middle
        cells += len(data) * (len(data[0]) if data else 0)
        del data, formulas
    return cells


def python_data_and_formula_ranges(document):
    """getDataArray + where the formulas are (queryContentCells(FORMULA)), without their
    text: all the validator uses of a formula is that there is one."""
    for used in used_ranges(document):
        used.getDataArray()
        used.queryContentCells(CELL_FLAGS_FORMULA).getRangeAddresses()


def office_version(the_office):
    try:
        provider = the_office.create("com.sun.star.configuration.ConfigurationProvider")
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            office.props(nodepath="/org.openoffice.Setup/Product"))
        return "%s %s" % (access.getByName("ooName"), access.getByName("ooSetupVersionAboutBox"))
    except Exception:  # noqa: BLE001 - only for the header line
        return "LibreOffice"


def state(handler):
    return {value.Name: value.Value for value in handler.getPropertyValues()}


def bench_in_office(args):
    result = {"python": [], "again": [], "data": [], "formula": [], "query": []}
    with office.Office(os.path.join(args.work, "office"), locale="en-US",
                       timeout=args.timeout, deadline=args.deadline,
                       verbose=args.verbose) as the_office:
        the_office.install_extension(args.oxt)
        result["version"] = office_version(the_office)
        started = time.perf_counter()
        document = the_office.load(args.large, hidden=True, read_only=True)
        result["load"] = time.perf_counter() - started
        try:
            # The first read after the load (cold), then warm reads interleaved below.
            started = time.perf_counter()
            result["cells"] = python_bulk_read(document)
            result["cold"] = time.perf_counter() - started
            frame = document.getCurrentController().getFrame()
            started = time.perf_counter()
            handler = the_office.create("org.onepercent.ValidationDialog", frame,
                                        office.props(Visible=False)[0])
            result["first"] = time.perf_counter() - started
            values = state(handler)
            result["findings"] = values["FindingCount"]
            result["compliant"] = values["Compliant"]
            dialog = values["Dialog"]
            # Interleaved, so that a slow moment of the machine hits both.
            for number in range(args.runs):
                parts = {"data": 0.0, "formula": 0.0}
                started = time.perf_counter()
                python_bulk_read(document, parts)
                result["python"].append(time.perf_counter() - started)
                result["data"].append(parts["data"])
                result["formula"].append(parts["formula"])
                started = time.perf_counter()
                python_data_and_formula_ranges(document)
                result["query"].append(time.perf_counter() - started)
                started = time.perf_counter()
                handler.callHandlerMethod(dialog, None, "onValidateAgain")
                result["again"].append(time.perf_counter() - started)
                print("  office run %d: Python bulk read %.2f s, dialog Validate again %.2f s"
                      % (number + 1, result["python"][-1], result["again"][-1]), flush=True)
            message = state(handler)["LastMessage"]
            if message:
                print("  dialog message: %s" % message)
            result["modified"] = document.isModified()
            handler.callHandlerMethod(dialog, None, "onClose")
        finally:
            office.close_document(document)
    return result


def print_in_office(result, batch):
    print("### (b) Inside the office: the dialog service vs a bulk read from Python")
    print()
    print("%s; large workbook opened hidden and read-only in %.1f s; %d cells in the used "
          "ranges; dialog: %d finding(s), %s; document modified: %s." % (
              result["version"], result["load"], result["cells"], result["findings"],
              "compliant" if result["compliant"] else "NOT compliant",
              "yes" if result["modified"] else "no"))
    print()
    baseline = median(result["python"])
    print("| measure | median (s) | min (s) | max (s) | ratio to Python bulk read |")
    print("|---|---:|---:|---:|---:|")
    rows = [("Python: `getDataArray` + `getFormulaArray` of every used range (baseline, "
             "across the UNO bridge)", result["python"]),
            ("… of which `getDataArray`", result["data"]),
            ("… of which `getFormulaArray`", result["formula"]),
            ("Python: the same, first read right after the load (cold; not in the median "
             "above)", [result["cold"]]),
            ("Python: `getDataArray` + `queryContentCells(FORMULA)` (where the formulas are, "
             "not their text)", result["query"]),
            ("dialog: *Validate again* (read + validate + list, in process)", result["again"]),
            ("dialog: created on the frame (first validation, dialog built)", [result["first"]]),
            ]
    if batch:
        rows += [("batch engine: read + validate (from (a), its own office process)",
                  [batch["read + validate"]]),
                 ("batch engine: read alone (from (a))", [batch["read"]])]
    for label, values in rows:
        print("| %s | %.3f | %.3f | %.3f | %.2f |" % (label, median(values), min(values),
                                                      max(values),
                                                      ratio(median(values), baseline)))
    print()
    print("**In-office validation ÷ Python bulk read = %.2f×**%s." % (
        ratio(median(result["again"]), baseline),
        "; in-office validation ÷ batch read + validate = %.2f×" % ratio(
            median(result["again"]), batch["read + validate"]) if batch else ""))
    print()


# ---- (c) batch rate on small files ------------------------------------------------------

def make_clients(folder, files, planted):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    clean = os.path.join(ROOT, "samples", "client-clean.fods")
    dirty = os.path.join(ROOT, "samples", "client-planted.fods")
    planted = min(planted, files)
    # The planted copies spread through the folder (every n-th file).
    step = files // planted if planted else files + 1
    for index in range(files):
        source = dirty if planted and index % step == step - 1 and \
            index // step < planted else clean
        kind = "planted" if source == dirty else "clean"
        shutil.copyfile(source, os.path.join(folder, "client-%03d-%s.fods" % (index + 1, kind)))
    return files


def bench_rate(args):
    folder = os.path.join(args.work, "clients")
    count = make_clients(folder, args.files, args.planted)
    results = []
    for jobs in args.jobs:
        for number in range(args.rate_runs):
            run = Run(args.validator, args.oxt, os.path.join(args.work, "batch-rate-%d" % jobs),
                      [folder], jobs=jobs, timeout=args.process_timeout).execute()
            done = len(run.timings)
            per_file = [t[2] + t[3] + t[4] for t in run.timings]
            start_up = last = float("nan")
            if run.timings:
                first = min(run.timings, key=lambda t: t[0])
                start_up = first[0] - (first[2] + first[3] + first[4])
                last = max(t[0] for t in run.timings)
            entry = {"jobs": jobs, "files": count, "done": done, "wall": run.wall,
                     "start_up": start_up, "work": last - start_up, "tail": run.wall - last,
                     "per_file": per_file, "code": run.code,
                     "findings": sum(run.findings().values()),
                     "unreadable": run.unreadable(),
                     "load": [t[2] for t in run.timings], "read": [t[3] for t in run.timings],
                     "validate": [t[4] for t in run.timings]}
            print("  --jobs %d run %d: %d/%d files, wall %.1f s, start-up %.1f s, exit %s, "
                  "%d finding(s)" % (jobs, number + 1, done, count, run.wall, start_up,
                                     run.code, entry["findings"]), flush=True)
            results.append(entry)
    return results


def print_rate(results, files, planted):
    print("### (c) Batch rate: %d small client files (%d clean, %d planted copies)"
          % (files, files - min(planted, files), min(planted, files)))
    print()
    print("Start-up = from the process start to the moment the first file's work began (office "
          "start, extension install, restart); excluding start-up = the files over the span "
          "from then to the last file's timings line. Per-file = load + read + validate.")
    print()
    print("| jobs | run | files | wall (s) | files/min (wall) | start-up (s) | "
          "files/min excl. start-up | shutdown (s) | per-file median (s) | "
          "load / read / validate medians (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    runs = collections.Counter()
    for entry in results:
        runs[entry["jobs"]] += 1
        print("| %d | %d | %d | %.1f | %.0f | %.1f | %.0f | %.1f | %.3f | %.3f / %.3f / %.4f |" % (
            entry["jobs"], runs[entry["jobs"]], entry["done"], entry["wall"],
            60.0 * entry["done"] / entry["wall"], entry["start_up"],
            60.0 * entry["done"] / entry["work"] if entry["work"] > 0 else float("nan"),
            entry["tail"], median(entry["per_file"]), median(entry["load"]),
            median(entry["read"]), median(entry["validate"])))
    print()
    for entry in results:
        if entry["unreadable"] or entry["done"] != entry["files"]:
            print("Note: --jobs %d: %d of %d files timed, unreadable: %s" % (
                entry["jobs"], entry["done"], entry["files"], entry["unreadable"]))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    office.common_arguments(parser)
    parser.set_defaults(deadline=1800.0)
    parser.add_argument("--validator", required=True, help="onepercent-validate")
    parser.add_argument("--large", default=DEFAULT_LARGE,
                        help="the large workbook (made with bench/make_large_workbook.py if "
                             "missing; default build/bench/large/large-2025.ods)")
    parser.add_argument("--runs", type=int, default=3, help="runs of (a) and (b) (default 3)")
    parser.add_argument("--files", type=int, default=100, help="small files for (c)")
    parser.add_argument("--planted", type=int, default=5,
                        help="how many of them are client-planted.fods copies")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="--jobs values for (c) (default: 1 2)")
    parser.add_argument("--rate-runs", type=int, default=1, help="runs per --jobs in (c)")
    parser.add_argument("--parts", default="abc", help="which parts to run: any of a, b, c")
    parser.add_argument("--process-timeout", type=float, default=3600.0,
                        help="seconds before a validator process is killed")
    args = parser.parse_args(argv)
    if not args.oxt:
        parser.error("--oxt is required")
    if args.runs < 1 or args.files < 1 or args.rate_runs < 1:
        parser.error("--runs, --files and --rate-runs must be positive")
    args.work = os.path.abspath(args.work)
    args.large = os.path.abspath(args.large)
    os.makedirs(args.work, exist_ok=True)

    batch = in_office = rate = None
    try:
        if "a" in args.parts or "b" in args.parts:
            ensure_large(args)
        if "a" in args.parts:
            print("(a) batch validator on the large workbook...", flush=True)
            batch_runs = bench_batch_large(args)
        if "b" in args.parts:
            print("(b) dialog service inside the office...", flush=True)
            in_office = bench_in_office(args)
        if "c" in args.parts:
            print("(c) batch rate on small files...", flush=True)
            rate = bench_rate(args)
    except office.OfficeError as error:
        print("error: %s" % error)
        return 2

    print()
    print("## OnePercent validation benchmarks")
    print()
    print("Machine: %s, %d CPU (cores); %s." % (
        platform.platform(terse=True), os.cpu_count() or 0,
        in_office["version"] if in_office else "LibreOffice"))
    print()
    if "a" in args.parts:
        batch = print_batch_large(batch_runs, args.large)
    if in_office:
        print_in_office(in_office, batch)
    if rate:
        print_rate(rate, args.files, args.planted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
