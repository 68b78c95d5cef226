#!/usr/bin/python3
"""Regenerates the screenshots of the OnePercent dialog in docs/screenshots/ from a real,
NON-headless LibreOffice on a virtual X display.

For each UI language (en-US, fr-FR) it starts Xvfb (and openbox for window frames, when
installed), then soffice on a throwaway profile under the build folder (office.py's life
cycle: own process group, stopped by that group), installs the extension, opens
samples/client-planted.fods and takes:

  menu-<lang>.png      Tools ▸ OnePercent opened with the mouse (xdotool)
  dialog-<lang>.png    the validation dialog opened by the menu's command
                       (org.onepercent.calc:Validate) beside the data, a finding selected and
                       "Go to cell" done: the cell scrolled to the left of the dialog
  dialog-error-<lang>.png  the fiscal year set to 2018 (no contribution rates): every
                       contribution shows Err:502, and one T-ERROR-VALUE finding says why
  report-html-<lang>.png   the exported HTML report, in Chromium (when installed)
  function-wizard-en.png  the Function Wizard on a TRAINING.HOURLYRATE cell (English only)

Every Xvfb, window manager and office it starts is stopped by its process id / group.

Needs: xvfb, imagemagick (import), xdotool, optionally openbox, python3-uno, the built
build/onepercent.oxt:

    apt-get install -y --no-install-recommends xvfb imagemagick x11-apps xdotool openbox
    /usr/bin/python3 docs/screenshots/make_screenshots.py --oxt build/onepercent.oxt \
        --work build/screenshots
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "calc"))

import office  # noqa: E402

WIDTH, HEIGHT = 1440, 900


def log(message):
    sys.stderr.write("[screenshots] %s\n" % message)


def stop_group(process, what):
    """Stops a process started in its own session: SIGTERM to its group, then SIGKILL."""
    if process is None or process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        try:
            process.wait(timeout=wait)
            log("stopped %s (pid %d)" % (what, process.pid))
            return
        except subprocess.TimeoutExpired:
            continue


class VirtualDisplay:
    """Xvfb on a free display number, plus openbox when installed."""

    def __init__(self, work):
        self.work = work
        self.xvfb = None
        self.window_manager = None
        self.display = None

    def __enter__(self):
        number = 90
        while os.path.exists("/tmp/.X11-unix/X%d" % number) or \
                os.path.exists("/tmp/.X%d-lock" % number):
            number += 1
        self.display = ":%d" % number
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT), "-nolisten",
             "tcp"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(100):
            if os.path.exists("/tmp/.X11-unix/X%d" % number):
                break
            time.sleep(0.1)
        log("Xvfb on %s (pid %d)" % (self.display, self.xvfb.pid))
        if shutil.which("openbox"):
            env = dict(os.environ, DISPLAY=self.display, HOME=self.work)
            self.window_manager = subprocess.Popen(
                ["openbox"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(1)
        return self

    def __exit__(self, *_):
        stop_group(self.window_manager, "openbox")
        stop_group(self.xvfb, "Xvfb")
        return False

    def run(self, *command):
        env = dict(os.environ, DISPLAY=self.display)
        return subprocess.run(list(command), env=env, check=False, capture_output=True,
                              text=True, timeout=60)

    def screenshot(self, path):
        self.run("import", "-window", "root", path)
        log("wrote %s" % path)


class DesktopOffice(office.Office):
    """office.Office with a visible office on the virtual display (no --headless)."""

    def __init__(self, work_dir, display, **options):
        super().__init__(work_dir, **options)
        self.display = display

    def start(self):
        if self.process is not None:
            raise office.OfficeError("office already running")
        os.makedirs(self.work_dir, exist_ok=True)
        if not self._started_once:
            self._prepare_profile()
        self._started_once = True
        self.pipe_name = "onepercent_shots_%d_%d" % (os.getpid(), int(time.time() * 1000))
        args = [office.find_soffice(),
                "-env:UserInstallation=" + office.file_url(self.profile_dir),
                "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--accept=pipe,name=%s;urp;" % self.pipe_name]
        env = dict(os.environ)
        env.update(HOME=self.home_dir, TMPDIR=self.tmp_dir, DISPLAY=self.display,
                   SAL_USE_VCLPLUGIN="gen")
        if self.locale:
            env["LANG"] = env["LC_ALL"] = self.locale.replace("-", "_") + ".UTF-8"
        log_file = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                            stdout=log_file, stderr=subprocess.STDOUT,
                                            start_new_session=True, cwd=self.work_dir)
        finally:
            log_file.close()
        self._connect()


def browser_shot(page, png, work):
    """The page as Chromium shows it (headless), when Chromium is installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser or not os.path.isfile(page):
        log("no chromium (apt-get install chromium): %s not taken" % png)
        return
    profile = os.path.join(work, "chromium")
    process = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--user-data-dir=" + profile, "--window-size=1280,1500", "--screenshot=" + png,
         office.file_url(page)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, env=dict(os.environ, HOME=work))
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass
    stop_group(process, "chromium")
    log("wrote %s" % png)


def wait_ui(seconds=1.5):
    time.sleep(seconds)


def main_window_geometry(document):
    window = document.getCurrentController().getFrame().getContainerWindow()
    window.setPosSize(0, 0, WIDTH, HEIGHT, 15)
    return window


def take_language(args, locale):
    short = locale[:2]
    work = os.path.join(os.path.abspath(args.work), locale)
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(work, "client-planted.fods")
    shutil.copyfile(os.path.join(ROOT, "samples", "client-planted.fods"), sample)
    with VirtualDisplay(work) as screen, \
            DesktopOffice(os.path.join(work, "office"), screen.display, locale=locale,
                          timeout=90, deadline=400) as desktop:
        desktop.install_extension(args.oxt)
        document = desktop.load(sample, hidden=False)
        main_window_geometry(document)
        wait_ui(3)
        frame = document.getCurrentController().getFrame()

        # The dialog's handler, created hidden as a UNO service so that this script can
        # select a finding in it; the menu command below finds it (one dialog per frame).
        handler = desktop.create("org.onepercent.ValidationDialog", frame,
                                 office.props(Visible=False)[0])

        # The Tools menu with the OnePercent submenu, opened with the mouse.
        menu_path = os.path.join(args.out, "menu-%s.png" % short)
        tools_x = {"en": args.tools_x_en, "fr": args.tools_x_fr}[short]
        screen.run("xdotool", "mousemove", str(tools_x), str(args.menu_y), "click", "1")
        wait_ui()
        screen.run("xdotool", "mousemove", str(tools_x + 40), str(args.onepercent_y))
        wait_ui(0.5)
        screen.run("xdotool", "mousemove", str(tools_x + 60), str(args.onepercent_y), "click", "1")
        wait_ui()
        screen.screenshot(menu_path)
        # Close the menus; the command below opens the dialog (a stray key could hit a
        # toolbar button if the menu positions differ on this machine).
        screen.run("xdotool", "key", "Escape")
        screen.run("xdotool", "key", "Escape")
        screen.run("xdotool", "key", "Escape")
        wait_ui()

        # The dialog the menu opened, on the finding Expenses!K2, its cell selected behind.
        values = {value.Name: value.Value for value in handler.getPropertyValues()}
        dialog = values["Dialog"]
        locations = list(values["RowLocations"])
        dispatcher = desktop.create("com.sun.star.frame.DispatchHelper")
        dispatcher.executeDispatch(frame, "org.onepercent.calc:Validate", "", 0, ())
        wait_ui(2)
        def select(location):
            values = {value.Name: value.Value for value in handler.getPropertyValues()}
            locations = list(values["RowLocations"])
            if location in locations:
                grid = dialog.getControl("FindingsGrid")
                grid.deselectAllRows()
                grid.goToCell(0, locations.index(location))
                grid.selectRow(locations.index(location))
                handler.callHandlerMethod(dialog, None, "onSelectFinding")
                handler.callHandlerMethod(dialog, None, "onGoToCell")

        # The dialog places itself beside the data (no position forced here).
        select("Expenses!K2")
        dialog.setVisible(True)
        wait_ui(2)
        screen.screenshot(os.path.join(args.out, "dialog-%s.png" % short))

        # The HTML report, exported next to the workbook, seen in a browser.
        page = os.path.join(work, "client-planted-onepercent.html")
        handler.callHandlerMethod(dialog, office.file_url(page), "onExport")
        browser_shot(page, os.path.join(args.out, "report-html-%s.png" % short), work)

        # An error explained: a fiscal year without contribution rates (2018) gives Err:502
        # in every contribution cell and the Summary; one finding names the cause.
        employer = document.getSheets().getByIndex(0)  # Employer (the sample is English)
        year_cell = None
        for row in range(12):
            label = employer.getCellByPosition(0, row).getString()
            if label in ("Fiscal year", "Année"):
                year_cell = employer.getCellByPosition(1, row)
        if year_cell is not None:
            year_cell.setValue(2018)
            document.calculateAll()
            handler.callHandlerMethod(dialog, None, "onValidateAgain")
            values = {value.Name: value.Value for value in handler.getPropertyValues()}
            rules = list(values["RowRules"])
            locations = list(values["RowLocations"])
            if "T-ERROR-VALUE" in rules:
                errors = [location for rule, location in zip(rules, locations)
                          if rule == "T-ERROR-VALUE"]
                select(errors[-1])
            wait_ui(2)
            screen.screenshot(os.path.join(args.out, "dialog-error-%s.png" % short))
        handler.callHandlerMethod(dialog, None, "onClose")
        wait_ui()

        if short == "en":
            # The Function Wizard on a TRAINING.HOURLYRATE formula, in a new spreadsheet (the
            # wizard is disabled on the template's protected computed cells). Dispatched
            # from a thread in case it blocks; closed with Escape after the screenshot.
            scratch = desktop.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                           ())
            main_window_geometry(scratch)
            sheet = scratch.getSheets().getByIndex(0)
            sheet.getCellRangeByName("A1").setFormula('=TRAINING.HOURLYRATE(62400;"year")')
            scratch.getCurrentController().select(sheet.getCellRangeByName("A1"))
            scratch_frame = scratch.getCurrentController().getFrame()
            wait_ui()
            dispatcher = desktop.create("com.sun.star.frame.DispatchHelper")
            thread = threading.Thread(
                target=lambda: dispatcher.executeDispatch(scratch_frame, ".uno:FunctionDialog",
                                                          "", 0, ()), daemon=True)
            thread.start()
            wait_ui(4)
            screen.screenshot(os.path.join(args.out, "function-wizard-en.png"))
            screen.run("xdotool", "key", "Escape")
            thread.join(10)
            office.close_document(scratch)
        office.close_document(document)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", default=os.path.join(ROOT, "build", "onepercent.oxt"))
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "screenshots"))
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--locales", nargs="+", default=["en-US", "fr-FR"])
    # Where the menus are on a 1440x900 screen with LibreOffice 7.4 (gen VCL plugin).
    parser.add_argument("--menu-y", type=int, default=28)
    parser.add_argument("--tools-x-en", type=int, default=343)
    parser.add_argument("--tools-x-fr", type=int, default=452)
    parser.add_argument("--onepercent-y", type=int, default=304)
    args = parser.parse_args()
    for tool in ("Xvfb", "import", "xdotool"):
        if not shutil.which(tool):
            sys.exit("%s is missing: apt-get install -y --no-install-recommends xvfb "
                     "imagemagick x11-apps xdotool openbox" % tool)
    if not os.path.isfile(args.oxt):
        sys.exit("build the extension first: cmake --build build (%s)" % args.oxt)
    os.makedirs(args.out, exist_ok=True)
    for locale in args.locales:
        take_language(args, locale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
