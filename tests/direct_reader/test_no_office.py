#!/usr/bin/python3
"""onepercent-validate with the office unreachable: no soffice on PATH, ONEPERCENT_SOFFICE
pointing to a program that does not exist, no extension. The committed .xlsx and .ods samples
(they store the office's results) are validated all the same, by the direct reader, and every
report says so; a file that needs the office (.fods without stored results) is reported not
validated, alone, with the reason. Nothing is left in the run's temporary folder.

Prints "N passed, N failed" and exits 1 on any failure.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "calc"))   # checklib
from checklib import check, finish  # noqa: E402


def findings_of(report):
    return collections.Counter((f["ruleId"], f["location"]) for f in report.get("findings", []))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--validator", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    empty_bin, tmp, home = (os.path.join(work, name) for name in ("bin", "tmp", "home"))
    for folder in (empty_bin, tmp, home):
        os.makedirs(folder)
    environment = {"PATH": empty_bin, "HOME": home, "TMPDIR": tmp, "LANG": "C.UTF-8",
                   "ONEPERCENT_SOFFICE": os.path.join(work, "no-such-office", "soffice")}
    check(shutil.which("soffice", path=empty_bin) is None, "no soffice on the PATH")

    def run(*arguments):
        command = [args.validator, "--extension", os.path.join(work, "no-such.oxt")] + \
            list(arguments)
        result = subprocess.run(command, capture_output=True, env=environment, timeout=300)
        return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")

    sample = lambda name: os.path.join(SAMPLES, name)  # noqa: E731
    before = {name: open(sample(name), "rb").read() for name in
              ("client-clean.xlsx", "client-clean.ods", "client-planted.ods",
               "client-planted.xlsx", "client-clean.fods")}

    # --reader auto (the default): the .xlsx and .ods with stored results, no office. One run
    # each: copies of one employer's workbook in one run are also checked across files.
    reports = {}
    for name, expected in (("client-clean.xlsx", 0), ("client-clean.ods", 0),
                           ("client-planted.ods", 1)):
        code, out, err = run("--format", "json", sample(name))
        reports.update({os.path.basename(r["file"]): r for r in json.loads(out)["reports"]}
                       if out else {})
        check(code == expected, "auto: %s exits %d" % (name, expected), "exit %d; %s" % (
            code, err[-600:]))
    for name, report in sorted(reports.items()):
        check(report.get("readable") is True and report.get("reader") == "direct",
              "auto: %s is read by the direct reader" % name,
              "%s / %s" % (report.get("reader"), report.get("readError")))
    for name in ("client-clean.xlsx", "client-clean.ods"):
        report = reports.get(name, {})
        check(report.get("isTemplate") is True and report.get("findings") == []
              and report.get("verdict") == "passes", "auto: %s passes" % name,
              "%s %s" % (report.get("verdict"), findings_of(report)))
    planted = reports.get("client-planted.ods", {})
    errors = sum(1 for f in planted.get("findings", []) if f["severity"] == "error")
    check(errors > 0, "auto: client-planted.ods fails", planted.get("verdict"))

    # --reader direct: also the planted .xlsx (its error results would send it to the office
    # under auto); the same findings as the .ods.
    code, out, err = run("--format", "json", "--reader", "direct", sample("client-planted.xlsx"))
    xlsx = json.loads(out)["reports"][0] if out else {}
    check(code == 1 and xlsx.get("reader") == "direct", "direct: client-planted.xlsx is read",
          "exit %d; %s" % (code, xlsx.get("readError")))
    check(findings_of(xlsx) == findings_of(planted),
          "direct: the planted .xlsx and .ods give the same findings",
          "xlsx only %s; ods only %s" % (dict(findings_of(xlsx) - findings_of(planted)),
                                          dict(findings_of(planted) - findings_of(xlsx))))

    # A file that needs the office: reported alone, with the reason; the others still read.
    code, out, err = run("--format", "json", sample("client-clean.fods"), sample("client-clean.xlsx"))
    reports = {os.path.basename(r["file"]): r for r in json.loads(out)["reports"]} if out else {}
    fods = reports.get("client-clean.fods", {})
    check(code == 2 and fods.get("readable") is False and fods.get("reader") == "office" and
          "office" in fods.get("readError", ""),
          "auto: a .fods without stored results is not validated, and says why",
          "exit %d; %s" % (code, fods.get("readError")))
    check(reports.get("client-clean.xlsx", {}).get("readable") is True,
          "auto: the .xlsx after it is validated")
    check("has no stored result" in err, "auto: the progress says why the office was needed",
          err[-400:])

    # --reader direct never tries the office: the .fods is the direct reader's finding.
    code, out, err = run("--format", "json", "--reader", "direct", sample("client-clean.fods"))
    fods = json.loads(out)["reports"][0] if out else {}
    check(code == 2 and fods.get("reader") == "direct" and
          "no stored result" in fods.get("readError", ""),
          "direct: the .fods is reported as needing the office", fods.get("readError"))

    # The reader in the text and SARIF reports, in both languages.
    code, out, err = run(sample("client-clean.xlsx"))
    check(code == 0 and "Reader: direct" in out, "text: Reader: direct", out[:400])
    code, out, err = run("--lang", "fr", sample("client-clean.xlsx"))
    check(code == 0 and "Lecteur : direct" in out, "texte : Lecteur : direct", out[:400])
    code, out, err = run("--format", "sarif", sample("client-clean.ods"))
    sarif = json.loads(out) if out else {}
    artifacts = sarif.get("runs", [{}])[0].get("artifacts", [])
    check(code == 0 and artifacts and artifacts[0].get("properties", {}).get("reader") == "direct",
          "SARIF: the artifact says which reader read it", str(artifacts)[:300])
    code, out, err = run("--reader", "sideways", sample("client-clean.ods"))
    check(code == 2 and "sideways" in err, "an unknown --reader is a usage error", err[:300])

    after = {name: open(sample(name), "rb").read() for name in before}
    check(after == before, "the samples are byte-identical afterwards")
    check(os.listdir(tmp) == [], "nothing is left in TMPDIR", os.listdir(tmp))
    return finish()


if __name__ == "__main__":
    sys.exit(main())
