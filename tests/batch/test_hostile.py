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
import subprocess
import sys
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "samples")
GIB = 1 << 30

passed = 0
failed = 0


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print("ok   %s" % what)
    else:
        failed += 1
        print("FAIL %s%s" % (what, (": " + str(detail)[:2000]) if detail else ""))
    sys.stdout.flush()


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


def findings_of(report):
    return collections.Counter((f["ruleId"], f["location"]) for f in report.get("findings", []))


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
                 timeout=None):
        self.args = args
        self.tmpdir = tmpdir
        os.makedirs(tmpdir, exist_ok=True)
        environment = dict(os.environ)
        environment["TMPDIR"] = tmpdir
        environment.update(env or {})
        self.environment = environment
        command = list(prefix) + [args.validator, "--extension", args.oxt]
        if quiet:
            command.append("--quiet")
        self.command = command + list(arguments)
        self.timeout = timeout or args.timeout
        self.offices = {}
        self.helpers = {}
        self.profiles = set()
        self._stop = threading.Event()
        self.process = subprocess.Popen(self.command, env=environment, cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pid = self.process.pid
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()

    def _watch(self):
        while not self._stop.is_set():
            self.observe()
            time.sleep(0.2)

    def observe(self):
        validator = self.pid
        if self.args.traced:  # under strace, the validator is strace's child
            for child in children(self.pid):
                validator = child
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
        self.out = out
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
        paths = set(glob.glob("/tmp/OSL_PIPE_%d_onepercent_validate_%d_*" % (uid,
                                                                             self.validator_pid)))
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
            left.append("files in TMPDIR %s" % sorted(os.listdir(self.tmpdir)))
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


def run(args, part, arguments, env=None, prefix=(), cwd=None, quiet=True, wait=20, name=""):
    """Runs the validator to its end and checks that nothing outlives it."""
    tmpdir = os.path.join(args.work, part, "tmp")
    os.makedirs(tmpdir, exist_ok=True)
    result = Run(args, arguments, tmpdir, env=env, prefix=prefix, cwd=cwd, quiet=quiet).finish()
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
        check(clean["readable"] and clean["findings"] == [], "names: clean.fods has no finding")
        check(planted["readable"] and planted["findings"] and
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
    check_unchanged("names", inputs, before)
    check_unchanged("names (pair)", folder, pair_before)


PARTS = collections.OrderedDict([
    ("names", part_names),
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
    args.traced = False
    os.makedirs(args.work, exist_ok=True)
    for part in args.part or list(PARTS):
        print("== %s" % part)
        sys.stdout.flush()
        PARTS[part](args)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
