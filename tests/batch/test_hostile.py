#!/usr/bin/python3
"""onepercent-validate under hostile files (issue 9), end to end in a real headless office.

Every hostile file is made here, under --work (nothing binary is committed). Each part runs
the validator as a client would, and after every run checks that:
  - every input is byte-identical afterwards (SHA-256 before and after);
  - nothing outlives the run: no office process (found by the pipe name that carries the
    validator's pid, checked by pid and start time), no guardian, no profile folder in the
    TMPDIR the test gives it, no OSL pipe socket in /tmp.

Parts (--part, default all):
  names      item 1: %63lean.fods beside clean.fods, '#', '?', spaces, a stray %20, Latin-1 and
             UTF-8 names, a leading '-' after --
  memory     item 2: one cell at AMJ1048576 (a 1 KB .fods) under prlimit --as=1 GiB; a clean
             workbook formatted down to AMJ1048576 still validates
  bigfile    item 3: a sparse 1.5 GB file beside a clean one, under prlimit --as=1 GiB
  timeout    item 4: a validation longer than --timeout does not poison the next file
  reports    items 5 and 7: escape sequences, forged lines, NUL, bidi overrides and a
             50,000,000-character cell in an .xlsx
  surrogate  item 6: unpaired surrogates in a cell and in a sheet name; SARIF, JSON and text
             say a file was not validated
  signals    items 8 and 10: SIGTERM, SIGINT, SIGHUP, SIGKILL mid-run; SIGPIPE; no handler for
             termination signals; never a process-group kill after reaping the leader (strace)
  misc       item 9: no TMPDIR, a shared --work, a bit-flipped .xlsx, random bytes named .xls,
             --output opened first, a file given twice, -- in the usage
Prints "N passed, N failed" and exits 1 on any failure.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "samples")
GIB = 1 << 30

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "calc"))   # checklib
from checklib import check, finish  # noqa: E402


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fingerprints(folder):
    """SHA-256 of every file of a folder (bytes names), to prove nothing changed."""
    folder = os.fsencode(folder)
    return {name: sha256(os.path.join(folder, name)) for name in sorted(os.listdir(folder))}


def fresh_folder(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


def copy_sample(name, target):
    shutil.copyfile(os.path.join(SAMPLES, name), target)


# Rules checked across the files of a run (issue 12): the copies of one sample given together
# share their supporting documents and carry-forward, so these findings are the run's, not
# the file's.
ACROSS_FILES = {"R-S7-CLAIMED-TWICE", "R-ACT-CARRY-CHAIN"}


def findings_of(report):
    """The file's own findings, as (rule, location) counts."""
    return collections.Counter((f["ruleId"], f["location"]) for f in report.get("findings", [])
                               if f["ruleId"] not in ACROSS_FILES)


def no_finding(report):
    return report.get("findings") is not None and not findings_of(report)


# ---- processes: the ones a run starts, found by what carries its pid ------------------------

def start_time(pid):
    """Field 22 of /proc/pid/stat, or None when there is no running process (zombies count
    as gone)."""
    try:
        with open("/proc/%d/stat" % pid) as file:
            stat = file.read()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[19])


def office_processes(validator_pid):
    """{pid: start time} of the offices a validator started: their command line holds the pipe
    name onepercent_validate_<validator pid>_<n>."""
    marker = ("onepercent_validate_%d_" % validator_pid).encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as file:
                if marker in file.read():
                    since = start_time(int(entry))
                    if since is not None:
                        found[int(entry)] = since
        except OSError:
            continue
    return found


def children(pid):
    """{pid: start time} of the processes whose parent is pid (the guardian, the offices)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as file:
                stat = file.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if int(fields[1]) == pid and fields[0] not in ("Z", "X"):
            found[int(entry)] = int(fields[19])
    return found


def still_running(processes):
    return {pid: since for pid, since in processes.items() if start_time(pid) == since}


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


class Run:
    """One onepercent-validate process, watched: the offices and the guardian it starts, the
    folders it makes in the TMPDIR given to it and the OSL pipe sockets of its offices."""

    def __init__(self, args, arguments, tmpdir, env=None, prefix=(), cwd=None, quiet=True,
                 timeout=None, reader="office", traced=False, stdout=subprocess.PIPE):
        self.args = args
        self.traced = traced  # under strace: the validator is strace's child
        self.tmpdir = tmpdir
        os.makedirs(tmpdir, exist_ok=True)
        environment = dict(os.environ)
        environment["TMPDIR"] = tmpdir
        environment.update(env or {})
        self.environment = environment
        command = list(prefix) + [args.validator, "--extension", args.oxt]
        if quiet:
            command.append("--quiet")
        # The office path is what these parts attack: --reader office (when the validator has
        # a direct reader, issue 11) unless a part asks for the validator's default.
        if reader and args.has_reader_option:
            command += ["--reader", reader]
        self.command = command + list(arguments)
        self.timeout = timeout or args.timeout
        self.offices = {}
        self.helpers = {}
        self.profiles = set()
        self._stop = threading.Event()
        self.validator_pid = None
        self.process = subprocess.Popen(self.command, env=environment, cwd=cwd,
                                        stdout=stdout, stderr=subprocess.PIPE)
        self.pid = self.process.pid
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()

    def _watch(self):
        while not self._stop.is_set():
            self.observe()
            time.sleep(0.2)

    def observe(self):
        validator = self.pid
        if self.traced:
            found = children(self.pid)
            if not found:
                return
            validator = self.validator_pid or min(found)
        self.validator_pid = validator
        self.offices.update(office_processes(validator))
        for pid, since in children(validator).items():
            if pid not in self.offices:
                self.helpers[pid] = since
        try:
            for name in os.listdir(self.tmpdir):
                folder = os.path.join(self.tmpdir, name)
                for profile in glob.glob(os.path.join(folder, "office-*", "profile")):
                    self.profiles.add(profile)
        except OSError:
            pass

    def finish(self, input_text=None):
        try:
            out, err = self.process.communicate(input_text, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
        self._stop.set()
        self._watcher.join()
        self.code = self.process.returncode
        self.out = out or b""
        self.err = err.decode("utf-8", "replace")
        return self

    def json(self):
        try:
            return json.loads(self.out.decode("utf-8"))
        except ValueError:
            return {}

    def sockets(self):
        """The OSL pipe sockets its offices make: the accepting pipe (named after the
        validator's pid) and each profile's single-instance pipe."""
        uid = os.getuid()
        paths = set(glob.glob("/tmp/OSL_PIPE_%d_onepercent_validate_%d_*" %
                              (uid, self.validator_pid or self.pid)))
        for profile in self.profiles:
            url = "file://" + profile
            digest = hashlib.md5(url.encode("utf-16-le")).digest()
            paths.add("/tmp/OSL_PIPE_%d_SingleOfficeIPC_%s" % (uid, "".join("%x" % b
                                                                              for b in digest)))
        return {path for path in paths if os.path.exists(path)}

    def leftovers(self, wait=20):
        """What outlives the run, after giving a killed run's guardian `wait` seconds."""
        def gone():
            return (not still_running(self.offices) and not still_running(self.helpers)
                    and not os.listdir(self.tmpdir) and not self.sockets())
        wait_until(gone, wait)
        left = []
        if still_running(self.offices):
            left.append("offices %s" % sorted(still_running(self.offices)))
        if still_running(self.helpers):
            left.append("helpers %s" % sorted(still_running(self.helpers)))
        if os.listdir(self.tmpdir):
            found = []
            for folder, _, names in os.walk(self.tmpdir):
                found += [os.path.relpath(os.path.join(folder, n), self.tmpdir) for n in names]
            left.append("files in TMPDIR %s: %s" % (sorted(os.listdir(self.tmpdir)),
                                                    sorted(found)[:10]))
        if self.sockets():
            left.append("sockets %s" % sorted(self.sockets()))
        # Leave nothing for the next check either (a failing run): end what is left by pid.
        for pid in list(still_running(self.offices)) + list(still_running(self.helpers)):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        for name in os.listdir(self.tmpdir):
            shutil.rmtree(os.path.join(self.tmpdir, name), ignore_errors=True)
        for path in self.sockets():
            try:
                os.unlink(path)
            except OSError:
                pass
        return left


def run(args, part, arguments, env=None, prefix=(), cwd=None, quiet=True, wait=20, name="",
        reader="office"):
    """Runs the validator to its end and checks that nothing outlives it."""
    tmpdir = os.path.join(args.work, part, "tmp")
    os.makedirs(tmpdir, exist_ok=True)
    result = Run(args, arguments, tmpdir, env=env, prefix=prefix, cwd=cwd, quiet=quiet,
                 reader=reader).finish()
    left = result.leftovers(wait)
    check(not left, "%s%s: nothing outlives the run" % (part, (" (%s)" % name) if name else ""),
          "; ".join(left))
    return result


def check_unchanged(part, folder, before):
    after = fingerprints(folder)
    check(after == before, "%s: every input is byte-identical and no file appeared" % part,
          "changed or new: %s" % sorted(set(after.items()) ^ set(before.items())))


# ---- item 1: file names ----------------------------------------------------------------------

HOSTILE_NAMES = [b"%63lean.fods", b"a#b.fods", b"q?x.fods", b"with space.fods",
                 b"stray%20.fods", b"caf\xe9.fods", "café.fods".encode(), b"-lead.fods"]


def part_names(args):
    inputs = fresh_folder(os.path.join(args.work, "names", "inputs"))
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    copy_sample("client-planted.fods", os.path.join(inputs, "planted.fods"))
    for name in HOSTILE_NAMES:
        copy_sample("client-planted.fods", os.path.join(os.fsencode(inputs), name))
    before = fingerprints(inputs)
    files = [b"clean.fods", b"planted.fods"] + HOSTILE_NAMES
    # Relative names from the folder itself: "-lead.fods" is a file after --.
    result = run(args, "names", ["--format", "json", "--"] + files, cwd=inputs)
    reports = result.json().get("reports", [])
    planted_findings = None
    check(len(reports) == len(files), "names: one report per file",
          "%d reports; exit %s; %s" % (len(reports), result.code, result.err[-800:]))
    if len(reports) == len(files):
        clean, planted = reports[0], reports[1]
        check(clean["readable"] and no_finding(clean), "names: clean.fods has no finding")
        check(planted["readable"] and findings_of(planted) and
              findings_of(planted) != findings_of(clean),
              "names: planted.fods has its planted findings")
        planted_findings = findings_of(planted)
        for name, report in zip(HOSTILE_NAMES, reports[2:]):
            shown = name.decode("utf-8", "replace")
            check(report.get("readable") is True,
                  "names: %s is read (not 'unreadable')" % shown, report.get("readError"))
            check(findings_of(report) == findings_of(planted),
                  "names: %s gives the planted findings (the file itself was read)" % shown,
                  "%d findings" % len(report.get("findings", [])))
            check(report.get("sha256") == before[name],
                  "names: %s is reported with its own SHA-256" % shown)
    check(result.code == 1, "names: exit 1 (error findings, every file read)",
          "exit %s" % result.code)
    # The headline: the planted %63lean.fods beside clean.fods, given as a folder.
    folder = fresh_folder(os.path.join(args.work, "names", "pair"))
    copy_sample("client-clean.fods", os.path.join(folder, "clean.fods"))
    copy_sample("client-planted.fods", os.path.join(folder, "%63lean.fods"))
    pair_before = fingerprints(folder)
    result = run(args, "names", ["--format", "json", folder], name="folder")
    by_name = {os.path.basename(r["file"]): r for r in result.json().get("reports", [])}
    planted_report = by_name.get("%63lean.fods", {})
    clean_report = by_name.get("clean.fods", {})
    check(planted_report.get("readable") and findings_of(planted_report) == planted_findings
          and findings_of(planted_report) != findings_of(clean_report),
          "names: the planted %63lean.fods beside clean.fods gives the planted findings, not "
          "clean.fods's (no false pass)",
          "%s, %d findings" % (planted_report.get("verdict"),
                               len(planted_report.get("findings", []))))
    check(planted_report.get("sha256") == pair_before[b"%63lean.fods"]
          and planted_report.get("sha256") != pair_before[b"clean.fods"],
          "names: %63lean.fods is reported with its own hash, not clean.fods's")
    check(result.code == 1, "names: the folder exits 1", "exit %s" % result.code)
    # The same names through the validator's default reader.
    result = run(args, "names", ["--format", "json", "--"] + files, cwd=inputs,
                 name="default reader", reader=None)
    reports = result.json().get("reports", [])
    check(len(reports) == len(files) and all(
        r.get("readable") and findings_of(r) == planted_findings for r in reports[2:]),
        "names: the default reader reads every hostile name as itself",
        [(r.get("file"), r.get("readError")) for r in reports])
    check_unchanged("names", inputs, before)
    check_unchanged("names (pair)", folder, pair_before)


# ---- item 2: a tiny file that asks for a billion cells ------------------------------------

FAR_CELL_FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" \
office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body>\
<office:spreadsheet><table:table table:name="Sheet1"><table:table-row><table:table-cell \
office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>\
<table:table-row table:number-rows-repeated="1048574"><table:table-cell \
table:number-columns-repeated="1024"/></table:table-row><table:table-row><table:table-cell \
table:number-columns-repeated="1023"/><table:table-cell office:value-type="float" \
office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>\
</office:spreadsheet></office:body></office:document>
"""


def formatted_to_the_last_cell(source, target):
    """The clean sample with a 7th sheet whose every cell, to AMJ1048576, has a background
    colour and no content: the used area is a billion cells, the content none."""
    with open(source, encoding="utf-8") as file:
        text = file.read()
    style = ('<style:style style:name="ceHostile" style:family="table-cell">'
             '<style:table-cell-properties fo:background-color="#ffff00"/></style:style>')
    text = text.replace("<office:automatic-styles>", "<office:automatic-styles>" + style, 1)
    sheet = ('<table:table table:name="Notes"><table:table-column '
             'table:number-columns-repeated="1024"/><table:table-row '
             'table:number-rows-repeated="1048576"><table:table-cell '
             'table:style-name="ceHostile" table:number-columns-repeated="1024"/>'
             '</table:table-row></table:table>')
    end = text.rindex("</table:table>") + len("</table:table>")
    text = text[:end] + sheet + text[end:]
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)


def part_memory(args):
    inputs = fresh_folder(os.path.join(args.work, "memory", "inputs"))
    with open(os.path.join(inputs, "far-cell.fods"), "w") as file:
        file.write(FAR_CELL_FODS)
    formatted_to_the_last_cell(os.path.join(SAMPLES, "client-clean.fods"),
                               os.path.join(inputs, "formatted.fods"))
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    before = fingerprints(inputs)
    check(os.path.getsize(os.path.join(inputs, "far-cell.fods")) < 1024,
          "memory: the hostile .fods is under 1 KB")
    # Under 1 GiB of address space for the validator and its office: the office needs about
    # 0.7 GiB to start, so a billion-cell read (or model) cannot fit.
    started = time.monotonic()
    result = run(args, "memory",
                 ["--format", "json", "--timeout", "60",
                  os.path.join(inputs, "far-cell.fods"), os.path.join(inputs, "formatted.fods"),
                  os.path.join(inputs, "clean.fods")],
                 prefix=["prlimit", "--as=%d" % GIB])
    seconds = time.monotonic() - started
    print("     (the run took %.1f s under prlimit --as=1 GiB)" % seconds)
    reports = {os.path.basename(r["file"]): r for r in result.json().get("reports", [])}
    far = reports.get("far-cell.fods", {})
    reason = far.get("readError", "")
    check(far.get("readable") is False and "10,000,000" in reason and "AMJ1048576" in reason,
          "memory: the far cell is refused with the cell limit and the cell it reaches", reason)
    formatted = reports.get("formatted.fods", {})
    check(formatted.get("readable") is True and formatted.get("isTemplate") is True
          and no_finding(formatted),
          "memory: a clean workbook formatted to AMJ1048576 is read (empty areas skipped)",
          "%s %s" % (formatted.get("readError"), findings_of(formatted)))
    clean = reports.get("clean.fods", {})
    check(clean.get("readable") is True and no_finding(clean),
          "memory: the next file is validated", clean.get("readError"))
    check(result.code == 2, "memory: exit 2 (a file not validated)", "exit %s" % result.code)
    check_unchanged("memory", inputs, before)


# ---- item 3: one big file does not end the batch -----------------------------------------

def part_bigfile(args):
    inputs = fresh_folder(os.path.join(args.work, "bigfile", "inputs"))
    huge = os.path.join(inputs, "huge.ods")
    with open(huge, "wb") as file:  # sparse: no disk space, 1.5 GiB to read
        file.truncate(3 * GIB // 2)
    copy_sample("client-planted.fods", os.path.join(inputs, "planted.fods"))
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    before = fingerprints(inputs)
    result = run(args, "bigfile",
                 ["--format", "json", "--timeout", "120", os.path.join(inputs, "clean.fods"),
                  huge, os.path.join(inputs, "planted.fods")],
                 prefix=["prlimit", "--as=%d" % GIB])
    reports = {os.path.basename(r["file"]): r for r in result.json().get("reports", [])}
    big = reports.get("huge.ods", {})
    check(big.get("readable") is False and big.get("readError")
          and big.get("sha256") == before[b"huge.ods"],
          "bigfile: the 1.5 GiB file is hashed in a stream and reported on its own",
          "%s / %s" % (big.get("readError"), big.get("sha256")))
    for name in ("clean.fods", "planted.fods"):
        report = reports.get(name, {})
        check(report.get("readable") is True and report.get("isTemplate") is True,
              "bigfile: %s is validated all the same" % name, report.get("readError"))
    check(no_finding(reports.get("clean.fods", {})), "bigfile: clean.fods is clean")
    check(result.code == 2, "bigfile: exit 2", "exit %s; %s" % (result.code, result.err[-500:]))
    check_unchanged("bigfile", inputs, before)


# ---- item 4: a timeout during validation does not poison the next file ----------------------

def part_timeout(args):
    inputs = fresh_folder(os.path.join(args.work, "timeout", "inputs"))
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    copy_sample("client-planted.fods", os.path.join(inputs, "planted.fods"))
    before = fingerprints(inputs)
    # The seam ONEPERCENT_TEST_VALIDATION_PAUSE_MS stands for a validation longer than
    # --timeout (loading and reading these files takes well under 3 s).
    result = run(args, "timeout",
                 ["--format", "json", "--timeout", "3", os.path.join(inputs, "clean.fods"),
                  os.path.join(inputs, "planted.fods"), os.path.join(inputs, "clean.fods")],
                 env={"ONEPERCENT_TEST_VALIDATION_PAUSE_MS": "5000"})
    reports = result.json().get("reports", [])
    check(len(reports) == 2, "timeout: the file given twice is validated once",
          "%d reports" % len(reports))
    for report in reports:
        check(report.get("readable") is True and report.get("isTemplate") is True,
              "timeout: %s is validated (the office was not killed during validation)"
              % os.path.basename(report.get("file", "?")), report.get("readError"))
    if len(reports) == 2:
        check(no_finding(reports[0]) and findings_of(reports[1]),
              "timeout: the findings are those of each file")
    check(result.code == 1, "timeout: exit 1", "exit %s; %s" % (result.code, result.err[-500:]))
    check_unchanged("timeout", inputs, before)


# ---- items 5 and 7: what a cell can do to the reviewer's terminal and report ----------------

def rewrite_xlsx(source, target, shared_strings=(), workbook=(), custom=()):
    """A copy of an .xlsx with (old, new) byte replacements in its shared strings, workbook
    and custom properties parts."""
    parts = {"xl/sharedStrings.xml": shared_strings, "xl/workbook.xml": workbook,
             "docProps/custom.xml": custom}
    with zipfile.ZipFile(source) as original, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            for old, new in parts.get(item.filename, ()):
                assert old in data, (item.filename, old)
                data = data.replace(old, new, 1)
            copy.writestr(item.filename, data)


# ESC sequences that clear the screen and home the cursor, a newline forging a verdict line, a
# NUL, C1 controls (CSI), a right-to-left override and an isolate; in OOXML's _xHHHH_ form.
FORGED = (b"observer_x001B_[2J_x001B_[H_x000A_Verdict: passes (0 errors, 0 warnings, "
          b"0 infos)_x000D__x0000__x009B_31m\xe2\x80\xaeevil\xe2\x81\xa6_x0007_")


def part_reports(args):
    inputs = fresh_folder(os.path.join(args.work, "reports", "inputs"))
    hostile = os.path.join(inputs, "hostile.xlsx")
    rewrite_xlsx(os.path.join(SAMPLES, "client-planted.xlsx"), hostile,
                 shared_strings=[(b">observer<", b">" + FORGED + b"<"),
                                 (b">E99<", b">E99" + b"Z" * 50_000_000 + b"<"),
                                 (b">Usinage Laurentides inc.<",
                                  b">Usinage_x001B_]0;owned_x0007_ inc.<")])
    before = fingerprints(inputs)
    size = os.path.getsize(hostile)
    check(size < 400_000, "reports: the hostile .xlsx is small (%d bytes)" % size)
    text_run = run(args, "reports", ["--format", "text", hostile], name="text", reader=None)
    out = text_run.out
    raw = sorted({byte for byte in out if byte < 0x20 and byte != 0x0A} |
                 ({0x7F} & set(out)))
    check(not raw, "reports: no raw control byte reaches the terminal",
          "bytes %s" % raw)
    check(b"\xe2\x80\xae" not in out and b"\xe2\x81\xa6" not in out and
          b"\xc2\x9b" not in out,
          "reports: no bidirectional override or C1 control reaches the terminal")
    verdicts = [line for line in out.split(b"\n") if line.startswith(b"Verdict")]
    check(len(verdicts) == 1 and b"fails" in verdicts[0],
          "reports: one verdict line, the real one (no forged line)", verdicts)
    check(b"observer\\x1B[2J" in out, "reports: the escape sequence is shown escaped")
    check(len(out) < 1_000_000, "reports: the text report is small (%d bytes)" % len(out))
    check(b"(50000003 characters)" in out,
          "reports: the 50,000,003-character value is capped, its length said")
    json_run = run(args, "reports", ["--format", "json", hostile], name="json")
    check(len(json_run.out) < 1_000_000,
          "reports: the JSON report is small (%d bytes)" % len(json_run.out))
    report = (json_run.json().get("reports") or [{}])[0]
    values = [f["value"] for f in report.get("findings", [])]
    huge = [v for v in values if v.startswith("E99")]
    check(huge and len(huge[0]) < 300 and huge[0].endswith("(50000003 characters)"),
          "reports: the JSON value is capped at 200 characters with the length",
          huge[0][:300] if huge else values)
    check(any("\x1b[2J" in v for v in values),
          "reports: JSON keeps the text, escaped as JSON")
    check(json_run.code == 1 and text_run.code == 1, "reports: exit 1",
          "%s %s" % (text_run.code, json_run.code))
    check_unchanged("reports", inputs, before)


# ---- item 6: unpaired surrogates ------------------------------------------------------------

def part_surrogate(args):
    inputs = fresh_folder(os.path.join(args.work, "surrogate", "inputs"))
    in_cell = os.path.join(inputs, "surrogate-cell.xlsx")
    in_sheet_name = os.path.join(inputs, "surrogate-sheet-name.xlsx")
    rewrite_xlsx(os.path.join(SAMPLES, "client-clean.xlsx"), in_cell,
                 shared_strings=[(b">Usinage Laurentides inc.<",
                                  b">Usinage _xD800_Laurentides inc.<")])
    rewrite_xlsx(os.path.join(SAMPLES, "client-clean.xlsx"), in_sheet_name,
                 workbook=[(b'name="Employees"', b'name="Empl_xDC00_oyees"')])
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    before = fingerprints(inputs)
    files = [in_cell, in_sheet_name, os.path.join(inputs, "clean.fods")]
    result = run(args, "surrogate", ["--format", "json"] + files, name="json")
    reports = {os.path.basename(r["file"]): r for r in result.json().get("reports", [])}
    cell = reports.get("surrogate-cell.xlsx", {})
    check(cell.get("readable") is True and no_finding(cell),
          "surrogate: a cell with an unpaired surrogate is read (and the file is clean)",
          cell.get("readError"))
    check(cell.get("figures", {}).get("employerName") == "Usinage \ufffdLaurentides inc.",
          "surrogate: the unpaired surrogate is read as U+FFFD",
          repr(cell.get("figures", {}).get("employerName")))
    name = reports.get("surrogate-sheet-name.xlsx", {})
    check(name.get("readable") is False and "surrogate" in name.get("readError", ""),
          "surrogate: a sheet name with one is reported not validated, with the cause",
          name.get("readError"))
    check(reports.get("clean.fods", {}).get("readable") is True,
          "surrogate: the next file is validated in a restarted office")
    check(result.json().get("allValidated") is False and
          result.json().get("totals", {}).get("notValidated") == 1,
          "surrogate: JSON says one file was not validated", result.json().get("totals"))
    check(result.code == 2, "surrogate: exit 2", "exit %s" % result.code)
    sarif_run = run(args, "surrogate", ["--format", "sarif"] + files, name="sarif")
    sarif = sarif_run.json()
    invocation = (sarif.get("runs") or [{}])[0].get("invocations", [{}])[0]
    notes = invocation.get("toolExecutionNotifications", [])
    check(invocation.get("executionSuccessful") is False and len(notes) == 1
          and "surrogate-sheet-name.xlsx" in notes[0]["message"]["text"],
          "surrogate: SARIF says executionSuccessful false, with a notification for the file",
          invocation)
    text_run = run(args, "surrogate", ["--format", "text"] + files, name="text")
    check(b"NOT VALIDATED: 1 of 3 files could not be validated" in text_run.out,
          "surrogate: the text report says a file was not validated", text_run.out[-300:])
    check_unchanged("surrogate", inputs, before)


# ---- items 8 and 10: signals, and the offices' life cycle ---------------------------------

TERMINATION = ("SIGTERM", "SIGINT", "SIGHUP")


def signal_mask(pid, field):
    """The set of signal numbers in a /proc/pid/status mask (SigCgt: caught, SigBlk: blocked
    by the main thread)."""
    with open("/proc/%d/status" % pid) as file:
        for line in file:
            if line.startswith(field + ":"):
                mask = int(line.split()[1], 16)
                return {number for number in range(1, 65) if mask & (1 << (number - 1))}
    return set()


def part_signals(args):
    inputs = fresh_folder(os.path.join(args.work, "signals", "inputs"))
    copy_sample("client-clean.fods", os.path.join(inputs, "clean.fods"))
    copy_sample("client-planted.fods", os.path.join(inputs, "planted.fods"))
    before = fingerprints(inputs)
    files = [os.path.join(inputs, "clean.fods"), os.path.join(inputs, "planted.fods")]
    for name in TERMINATION + ("SIGKILL",):
        number = getattr(signal, name)
        tmpdir = os.path.join(args.work, "signals", "tmp-" + name)
        os.makedirs(tmpdir, exist_ok=True)
        # Mid-run: the office up, the first file in a long validation (the test seam).
        run_ = Run(args, ["--format", "json"] + files, tmpdir,
                   env={"ONEPERCENT_TEST_VALIDATION_PAUSE_MS": "120000"})
        ready = wait_until(lambda: run_.offices and run_.profiles and run_.helpers, 120)
        time.sleep(4)  # past the extension's installation and the office's restart
        run_.observe()
        check(ready and still_running(run_.offices),
              "signals (%s): the office runs when the signal comes" % name,
              "offices %s, helpers %s" % (run_.offices, run_.helpers))
        if name == "SIGTERM":
            # No handler runs in signal context: the termination signals are blocked and taken
            # by a thread (sigwait); none has a handler installed (item 10).
            caught = signal_mask(run_.pid, "SigCgt")
            blocked = signal_mask(run_.pid, "SigBlk")
            wanted = {signal.SIGTERM, signal.SIGINT, signal.SIGHUP}
            check(not (caught & wanted) and wanted <= blocked,
                  "signals: no handler for SIGTERM, SIGINT or SIGHUP; blocked, taken by a thread",
                  "caught %s, blocked %s" % (sorted(caught), sorted(blocked)))
        os.kill(run_.pid, number)
        run_.finish()
        expected = -number if name == "SIGKILL" else 128 + number
        check(run_.code == expected, "signals (%s): the validator exits (%s)" % (name, expected),
              "exit %s; %s" % (run_.code, run_.err[-300:]))
        left = run_.leftovers(wait=30)
        check(not left, "signals (%s): no office, guardian, profile or pipe is left" % name,
              "; ".join(left))
    # SIGPIPE: a reader that went away is a write error, reported, not a silent death.
    tmpdir = os.path.join(args.work, "signals", "tmp-SIGPIPE")
    read_end, write_end = os.pipe()
    os.close(read_end)
    run_ = Run(args, ["--format", "json", files[0]], tmpdir, stdout=write_end)
    os.close(write_end)
    run_.finish()
    check(run_.code == 2 and "cannot write the report" in run_.err,
          "signals: a closed standard output is reported (exit 2), not a SIGPIPE death",
          "exit %s; %s" % (run_.code, run_.err[-300:]))
    left = run_.leftovers()
    check(not left, "signals (SIGPIPE): nothing outlives the run", "; ".join(left))

    # Item 10: never a kill of a process group after its leader was reaped (the pid, and so
    # the group id, may belong to someone else by then). strace sees every wait and kill.
    if shutil.which("strace"):
        log = os.path.join(args.work, "signals", "strace.log")
        tmpdir = os.path.join(args.work, "signals", "tmp-strace")
        run_ = Run(args, ["--format", "json"] + files, tmpdir, traced=True,
                   prefix=["strace", "-f", "-qq", "-e", "trace=kill,wait4,waitid", "-o", log])
        run_.finish()
        left = run_.leftovers()
        check(not left, "signals (strace): nothing outlives the run", "; ".join(left))
        reaped = set()
        late = []
        kills = 0
        call = re.compile(r"^\d+\s+(kill|wait4)\((-?\d+),.*\)\s+=\s+(-?\d+)")
        with open(log) as file:
            for line in file:
                found = call.match(line)
                if not found:
                    continue
                what, target, result = found.group(1), int(found.group(2)), int(found.group(3))
                if what == "wait4" and result > 0:
                    reaped.add(result)
                elif what == "kill" and target < -1:
                    kills += 1
                    if -target in reaped:
                        late.append(line.strip())
        check(kills > 0 and not late,
              "signals: no process group is signalled after its leader was reaped",
              "%d group kills; after reaping: %s" % (kills, late[:5]))
    check_unchanged("signals", inputs, before)


# ---- item 9: the smaller ones ----------------------------------------------------------------

def flip_one_bit(source, target, part):
    """A copy of a ZIP file with one bit flipped in the middle of `part`'s compressed data:
    the archive's directory stays valid, the part's CRC-32 does not match."""
    data = bytearray(open(source, "rb").read())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(part)
    name_length, extra_length = struct.unpack("<HH", bytes(data[info.header_offset + 26:
                                                                 info.header_offset + 30]))
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0x01
    with open(target, "wb") as file:
        file.write(bytes(data))


def part_misc(args):
    inputs = fresh_folder(os.path.join(args.work, "misc", "inputs"))
    clean = os.path.join(inputs, "clean.fods")
    copy_sample("client-clean.fods", clean)
    flipped = os.path.join(inputs, "flipped.xlsx")
    flip_one_bit(os.path.join(SAMPLES, "client-clean.xlsx"), flipped,
                 "xl/worksheets/sheet2.xml")
    random_xls = os.path.join(inputs, "random.xls")
    with open(random_xls, "wb") as file:
        file.write(bytes((index * 7919 + 13) % 251 for index in range(20000)))
    os.symlink("clean.fods", os.path.join(inputs, "link-to-clean.fods"))
    before = fingerprints(inputs)

    # No TMPDIR folder: the validator falls back to /tmp and says so (it aborted, rc 134).
    missing = os.path.join(args.work, "misc", "no-such-folder")
    result = run(args, "misc", ["--format", "json", clean], env={"TMPDIR": missing},
                 name="TMPDIR missing")
    report = (result.json().get("reports") or [{}])[0]
    check(result.code == 0 and report.get("readable") is True and "TMPDIR" in result.err,
          "misc: a missing TMPDIR falls back to /tmp and says so",
          "exit %s; %s" % (result.code, result.err[-300:]))

    # A bit-flipped .xlsx and random bytes named .xls: not validated, with the cause (they
    # were "not a OnePercent workbook", or read with changed cells).
    result = run(args, "misc", ["--format", "json", flipped, random_xls], name="corrupt")
    reports = {os.path.basename(r["file"]): r for r in result.json().get("reports", [])}
    flip = reports.get("flipped.xlsx", {})
    check(flip.get("readable") is False and "CRC" in flip.get("readError", ""),
          "misc: a bit-flipped .xlsx is reported damaged (CRC-32), not validated",
          "%s %s" % (flip.get("verdict"), flip.get("readError")))
    noise = reports.get("random.xls", {})
    check(noise.get("readable") is False and "not a spreadsheet" in noise.get("readError", ""),
          "misc: random bytes named .xls are not a spreadsheet, not validated",
          "%s %s" % (noise.get("verdict"), noise.get("readError")))
    result = run(args, "misc", ["--format", "json", flipped], name="corrupt, default reader",
                 reader=None)
    flip = (result.json().get("reports") or [{}])[0]
    check(flip.get("readable") is False, "misc: the default reader does not validate the "
          "bit-flipped .xlsx either", flip.get("verdict"))

    # --output is opened before any work: an impossible one fails at once, no office started.
    impossible = os.path.join(args.work, "misc", "no-such-folder", "report.json")
    result = run(args, "misc", ["--output", impossible, clean], name="--output")
    check(result.code == 2 and "cannot write" in result.err and not result.offices,
          "misc: an --output that cannot be written fails before any office starts",
          "exit %s, offices %s; %s" % (result.code, sorted(result.offices), result.err[-300:]))
    written = os.path.join(args.work, "misc", "report.json")
    if os.path.exists(written):
        os.remove(written)
    result = run(args, "misc", ["--format", "json", "--output", written, clean], name="--output")
    with open(written, "rb") as file:
        check(json.loads(file.read()).get("reports", [{}])[0].get("readable") is True,
              "misc: --output receives the report")

    # The same file three times (as given, another spelling, a link): validated once.
    result = run(args, "misc", ["--format", "json", clean, "./clean.fods",
                                "link-to-clean.fods"], cwd=inputs, name="same file")
    check(len(result.json().get("reports", [])) == 1, "misc: a file given three ways is "
          "validated once", len(result.json().get("reports", [])))

    # -- in the usage; a name with a leading '-' before -- is told where it goes.
    usage = subprocess.run([args.validator, "--help"], capture_output=True).stdout
    check(b"[--] FILE|FOLDER" in usage, "misc: the usage text shows --")
    refused = subprocess.run([args.validator, "-lead.fods"], capture_output=True)
    check(refused.returncode == 2 and b"after --" in refused.stderr,
          "misc: a leading '-' without -- is refused with the way to give it",
          refused.stderr[-300:])

    # Two runs sharing --work: the second is refused while the first runs; the first ends
    # well and leaves only its lock file in the folder.
    work = fresh_folder(os.path.join(args.work, "misc", "shared-work"))
    tmpdir = os.path.join(args.work, "misc", "tmp")
    first = Run(args, ["--work", work, "--format", "json", clean], tmpdir,
                env={"ONEPERCENT_TEST_VALIDATION_PAUSE_MS": "10000"})
    wait_until(lambda: first.offices, 120)
    second = run(args, "misc", ["--work", work, "--format", "json", clean],
                 name="second --work")
    check(second.code == 2 and "in use" in second.err and not second.offices,
          "misc: a second run on the same --work is refused clearly",
          "exit %s; %s" % (second.code, second.err[-300:]))
    first.finish()
    report = (first.json().get("reports") or [{}])[0]
    check(first.code == 0 and report.get("readable") is True,
          "misc: the first run on that --work is unharmed", "exit %s" % first.code)
    left = first.leftovers()
    check(not left and os.listdir(work) == [".onepercent-validate.lock"],
          "misc: --work keeps only its lock file; nothing else outlives the run",
          "%s; %s" % (left, os.listdir(work)))
    check_unchanged("misc", inputs, before)


PARTS = collections.OrderedDict([
    ("names", part_names),
    ("memory", part_memory),
    ("bigfile", part_bigfile),
    ("timeout", part_timeout),
    ("reports", part_reports),
    ("surrogate", part_surrogate),
    ("signals", part_signals),
    ("misc", part_misc),
])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--validator", required=True)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--part", action="append", choices=list(PARTS),
                        help="run only these parts (default: all)")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    args.validator = os.path.abspath(args.validator)
    args.oxt = os.path.abspath(args.oxt)
    usage = subprocess.run([args.validator, "--help"], capture_output=True).stdout
    args.has_reader_option = b"--reader" in usage
    os.makedirs(args.work, exist_ok=True)
    for part in args.part or list(PARTS):
        print("== %s" % part)
        sys.stdout.flush()
        PARTS[part](args)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
