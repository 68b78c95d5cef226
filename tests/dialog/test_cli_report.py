#!/usr/bin/python3
"""onepercent-validate's reports as a reviewer files them (issue 10, items 1, 5 and 7).

Runs the built validator in a real headless office of its own (a work folder under this
build folder) on copies of the two sample workbooks and checks:
  - `--format html` gives the dialog's page (html_report.cxx): date, SHA-256, rule set,
    tool version, figures computed and shown, every rule checked, French references;
  - the text report says "1 file", not "1 files";
  - in a French C locale (LC_ALL=fr_CA.UTF-8, a decimal comma for printf) the amounts are
    "19 788,11 $"-shaped, never with a space before the comma;
  - `--help` gives each option's default; the .oxt is found without --extension (beside or
    two folders above the program).
Prints "N passed, N failed" and exits 1 on any failure.
"""
import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "calc"))   # checklib
from checklib import check, finish  # noqa: E402


def french_locale_environment(work):
    """The environment of a process in fr_CA.UTF-8 (compiled under `work` when missing)."""
    env = dict(os.environ)
    probe = subprocess.run(["/usr/bin/printf", "%.2f", "1.5"], capture_output=True, text=True,
                           env=dict(env, LC_ALL="fr_CA.UTF-8"), check=False)
    if probe.stdout != "1,50":
        folder = os.path.join(work, "locale")
        os.makedirs(folder, exist_ok=True)
        subprocess.run(["localedef", "-c", "-i", "fr_CA", "-f", "UTF-8",
                        os.path.join(folder, "fr_CA.UTF-8")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        env["LOCPATH"] = folder
    env["LC_ALL"] = env["LANG"] = "fr_CA.UTF-8"
    probe = subprocess.run(["/usr/bin/printf", "%.2f", "1.5"], capture_output=True, text=True,
                           env=env, check=False)
    return env if probe.stdout == "1,50" else None


def run(validator, arguments, env=None, timeout=600):
    return subprocess.run([validator] + arguments, capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=timeout, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--validator", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    planted = os.path.join(work, "client-planted.fods")
    clean = os.path.join(work, "client-clean.fods")
    shutil.copyfile(os.path.join(args.samples, "client-planted.fods"), planted)
    shutil.copyfile(os.path.join(args.samples, "client-clean.fods"), clean)
    with open(planted, "rb") as stream:
        planted_sha = hashlib.sha256(stream.read()).hexdigest()

    # --help: every option with its default.
    help_text = run(args.validator, ["--help"]).stdout
    for option, default in (("--format", "[text]"), ("--jobs", "[1]"), ("--timeout", "[120]"),
                            ("--output", "[standard output]"), ("--extension", "beside"),
                            ("--work", "removed at the end")):
        check(option in help_text and default in help_text,
              "--help names %s and its default %s" % (option, default), help_text)
    check("text|json|sarif|html" in help_text, "usage lists html", help_text)

    profiles = os.path.join(work, "profiles")
    os.makedirs(profiles)
    # No --extension: the .oxt is found from the program's own folder (the build folder).
    html = run(args.validator, ["--format", "html", "--lang", "en", "--quiet", "--work",
                                profiles, planted])
    check(html.returncode == 1, "exit 1 (error findings) for the planted sample",
          "%d %s" % (html.returncode, html.stderr))
    page = html.stdout
    check(page.startswith("<!DOCTYPE html>"), "an HTML page", page[:200])
    for what, text in (("the SHA-256", planted_sha), ("the tool", "OnePercent "),
                       ("the rule set", "in force since"), ("a report date", " UTC"),
                       ("the figures", "Computed by OnePercent"),
                       ("the rules checked", "Rules checked"), ("a rule check row", "T-ERROR-VALUE"),
                       ("a finding", "Expenses!K2"),
                       ("a legal reference", "CQLR, c. D-8.3, r. 3, s. 7(13)")):
        check(text in page, "--format html shows %s (%s)" % (what, text))
    check(not re.search(r"<script", page), "no script in the page")

    french_env = french_locale_environment(work)
    check(french_env is not None, "a French C locale for the test (Debian's `locales`)")
    if french_env is not None:
        french = run(args.validator, ["--format", "html", "--lang", "fr", "--quiet", "--work",
                                      profiles, planted], env=french_env)
        page = french.stdout
        check('<html lang="fr">' in page, "French page")
        check("RLRQ, c. D-8.3, r. 3, art. 7(13)" in page, "French legal reference")
        check(" ," not in page, "no space before a decimal comma in the French page",
              "\n".join(line for line in page.splitlines() if " ," in line))
        amounts = re.findall(r"\d[\d ]*,\d\d \$", page)
        check(len(amounts) > 0, "French amounts such as 1 632,30 $ in the page")
        text = run(args.validator, ["--lang", "fr", "--quiet", "--work", profiles, clean],
                   env=french_env)
        check(text.returncode == 0, "the clean sample passes", text.stderr)
        check("\n1 fichier : 0 erreur, 0 avertissement, 0 info" in text.stdout,
              "French singular forms in the totals", text.stdout[-300:])
        check(" ," not in text.stdout, "no space before a decimal comma in the French text",
              "\n".join(line for line in text.stdout.splitlines() if " ," in line))
        json_out = run(args.validator, ["--format", "json", "--quiet", "--work", profiles,
                                        clean], env=french_env)
        check(re.search(r'"payroll":\d+(\.\d+)?[,}]', json_out.stdout) is not None,
              "JSON numbers keep a decimal point in a French locale", json_out.stdout[:600])
    text = run(args.validator, ["--lang", "en", "--quiet", "--work", profiles, clean])
    check("\n1 file: 0 errors, 0 warnings, 0 infos" in text.stdout, "English singular file",
          text.stdout[-300:])
    with open(planted, "rb") as stream:
        check(hashlib.sha256(stream.read()).hexdigest() == planted_sha,
              "the validated file is unchanged")
    return finish("cli report")


if __name__ == "__main__":
    sys.exit(main())
