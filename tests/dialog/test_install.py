#!/usr/bin/python3
"""The README's install commands work without a terminal (issue 10, item 6).

In a folder under the build folder, with a throwaway profile (-env:UserInstallation), and
standard input from /dev/null as in a script:
  - `unopkg add --suppress-license onepercent.oxt` exits 0 and `unopkg list` shows
    org.onepercent.calc;
  - plain `unopkg add` stops at the licence prompt and fails (which is why the README gives
    --suppress-license);
  - the .oxt holds the licence in English and French, and its description has no placeholder
    publisher link.
unopkg refuses a per-user install as root: run as root, the commands run as the user
nobody (setpriv), as a person's would. Prints "N passed, N failed".
"""
import argparse
import os
import shutil
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "calc"))   # checklib
from checklib import check, finish  # noqa: E402


def unopkg_path():
    for candidate in (shutil.which("unopkg"), "/usr/lib/libreoffice/program/unopkg"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def run(command, folder):
    prefix = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = dict(os.environ, HOME=folder, TMPDIR=folder)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        env.pop(name, None)
    process = subprocess.Popen(prefix + command, cwd=folder, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        output, _ = process.communicate()
        return 124, output
    return process.returncode, output


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    os.chmod(work, 0o777)
    oxt = os.path.join(work, "onepercent.oxt")
    shutil.copyfile(args.oxt, oxt)
    os.chmod(oxt, 0o644)

    with zipfile.ZipFile(oxt) as archive:
        names = archive.namelist()
        description = archive.read("description.xml").decode("utf-8")
    check("registration/license-en.txt" in names and "registration/license-fr.txt" in names,
          "the licence in English and French in the .oxt")
    check('lang="fr"' in description and "license-fr.txt" in description,
          "the description offers the French licence")
    check("example.invalid" not in description, "no placeholder publisher link")

    unopkg = unopkg_path()
    check(unopkg is not None, "unopkg is installed")
    if unopkg:
        profile = "-env:UserInstallation=file://" + os.path.join(work, "profile")
        code, output = run([unopkg, "add", "--suppress-license", profile, oxt], work)
        check(code == 0, "unopkg add --suppress-license without a terminal exits 0", output)
        code, output = run([unopkg, "list", profile], work)
        check("org.onepercent.calc" in output, "unopkg list shows the extension", output)
        code, output = run([unopkg, "remove", profile, "org.onepercent.calc"], work)
        check(code == 0, "unopkg remove", output)
        shutil.rmtree(os.path.join(work, "profile"), ignore_errors=True)
        code, output = run([unopkg, "add", profile, oxt], work)
        check(code != 0 and "License" in output,
              "plain unopkg add stops at the licence prompt without a terminal", output)
    shutil.rmtree(work, ignore_errors=True)
    return finish("install")


if __name__ == "__main__":
    sys.exit(main())
