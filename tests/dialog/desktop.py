"""A desktop (not headless) LibreOffice on a virtual X display, for the tests that need what
a person has: real window geometry, and the process's C locale that a desktop office takes
from LC_ALL (a headless office does not load it; a desktop one does, so that printf there
writes "19788,11" in French). Xvfb and the office each run in their own process group and
are stopped by it; nothing is left outside the work folder.

    with VirtualDisplay(work) as screen, DesktopOffice(work, screen.display, locale="fr-CA"):
        ...
"""
import os
import shutil
import signal
import subprocess
import sys
import time

import office

WIDTH, HEIGHT = 1440, 900


def stop_group(process):
    """SIGTERM to the process's group, then SIGKILL; waits for it."""
    if process is None or process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


def available():
    return shutil.which("Xvfb") is not None


class VirtualDisplay:
    """Xvfb on a free display number (its socket and lock removed by Xvfb when stopped)."""

    def __init__(self, work):
        self.work = work
        self.process = None
        self.display = None

    def __enter__(self):
        number = 90 + os.getpid() % 400
        while os.path.exists("/tmp/.X11-unix/X%d" % number) or \
                os.path.exists("/tmp/.X%d-lock" % number):
            number += 1
        self.display = ":%d" % number
        self.process = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT), "-nolisten",
             "tcp"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(100):
            if os.path.exists("/tmp/.X11-unix/X%d" % number):
                break
            if self.process.poll() is not None:
                raise office.OfficeError("Xvfb %s exited at once" % self.display)
            time.sleep(0.1)
        return self

    def __exit__(self, *_):
        stop_group(self.process)
        return False


class DesktopOffice(office.Office):
    """office.Office, visible on the virtual display (no --headless), gen VCL plugin."""

    def __init__(self, work_dir, display, **options):
        super().__init__(work_dir, **options)
        self.display = display

    def start(self):
        if self.process is not None:
            raise office.OfficeError("office already running (pid %d)" % self.process.pid)
        os.makedirs(self.work_dir, exist_ok=True)
        if not self._started_once:
            self._prepare_profile()
        self._started_once = True
        self.pipe_name = "onepercent_desktop_%d_%d" % (os.getpid(), int(time.time() * 1000))
        args = [office.find_soffice(),
                "-env:UserInstallation=" + office.file_url(self.profile_dir),
                "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--accept=pipe,name=%s;urp;" % self.pipe_name]
        env = dict(os.environ)
        env.update(HOME=self.home_dir, TMPDIR=self.tmp_dir, DISPLAY=self.display,
                   SAL_USE_VCLPLUGIN="gen")
        for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            env.pop(name, None)
        if self.locale:
            env["LANG"] = env["LC_ALL"] = self.locale.replace("-", "_") + ".UTF-8"
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True, cwd=self.work_dir)
        finally:
            log.close()
        self._connect()


def process_uses_locale(pid, name):
    """True when the process mapped the locale's LC_NUMERIC (it called setlocale with it)."""
    try:
        with open("/proc/%d/maps" % pid, encoding="utf-8", errors="replace") as maps:
            return any(name in line and "LC_NUMERIC" in line for line in maps)
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit("a module for tests/dialog/test_dialog.py")
