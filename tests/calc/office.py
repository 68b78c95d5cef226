"""Start and stop a throwaway headless LibreOffice for the OnePercent tests.

Every office started here runs on its own profile and HOME inside a folder the
caller gives (always under the CMake build folder), is started in a new
session (its own process group) and is always stopped by that process group:
first ``XDesktop.terminate()``, then a bounded wait, then ``SIGKILL`` to the
group.  Nothing is ever killed by name.

Use it as a context manager so that every exit path (an exception, Ctrl-C,
SIGTERM from CTest) stops the office::

    with Office(work_dir, locale="fr-FR") as office:
        office.install_extension("build/onepercent.oxt")   # restarts the office
        doc = office.load(path, hidden=True, read_only=True)

Run it with the Python that imports ``uno`` (on Debian: /usr/bin/python3).
"""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

try:
    import uno
    import unohelper
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
    from com.sun.star.task import XInteractionHandler
    from com.sun.star.ucb import XCommandEnvironment, XProgressHandler
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "error: this Python (%s) cannot import the LibreOffice UNO bridge (%s).\n"
        "Run the tests with the Python that has python3-uno, e.g. /usr/bin/python3.\n"
        % (sys.executable, error))
    raise SystemExit(2)

DEFAULT_TIMEOUT = 60.0

# com.sun.star.document.MacroExecMode.NEVER_EXECUTE and UpdateDocMode.NO_UPDATE
MACRO_NEVER_EXECUTE = 0
UPDATE_NO_UPDATE = 0


class OfficeError(RuntimeError):
    """The office could not be found, started, reached or used."""


def find_soffice():
    """The soffice launcher: $ONEPERCENT_SOFFICE, then PATH, then the Debian location."""
    candidates = [os.environ.get("ONEPERCENT_SOFFICE"), shutil.which("soffice"),
                  shutil.which("libreoffice"), "/usr/lib/libreoffice/program/soffice"]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise OfficeError(
        "LibreOffice (soffice) was not found: install libreoffice-calc and python3-uno "
        "(apt-get install libreoffice-calc python3-uno) or set ONEPERCENT_SOFFICE to the "
        "soffice program.")


def props(**values):
    """A tuple of PropertyValue from keyword arguments."""
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        result.append(prop)
    return tuple(result)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


_LOCALE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>{locale}</value></prop></item>
</oor:items>
"""


# ---- UNO callbacks for ExtensionManager.addExtension --------------------------------------

class _ApprovingInteractionHandler(unohelper.Base, XInteractionHandler):
    """Answers every request (licence, "install for this user?") with its approve
    continuation; records the requests it saw."""

    def __init__(self):
        self.requests = []

    def handle(self, request):
        try:
            what = request.getRequest()
            self.requests.append(getattr(what, "typeName", None) or type(what).__name__)
        except Exception:  # noqa: BLE001 - pyuno cannot convert some exception requests
            self.requests.append("?")
        for continuation in request.getContinuations():
            if _supports(continuation, "com.sun.star.task.XInteractionApprove"):
                continuation.select()
                return


def _supports(obj, interface_name):
    """True when the (remote) object implements the interface (XInterface.queryInterface)."""
    try:
        return obj.queryInterface(uno.getTypeByName(interface_name)) is not None
    except Exception:  # noqa: BLE001 - not an XInterface
        return False


class _SilentProgress(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CommandEnvironment(unohelper.Base, XCommandEnvironment):
    def __init__(self):
        self.handler = _ApprovingInteractionHandler()
        self.progress = _SilentProgress()

    def getInteractionHandler(self):
        return self.handler

    def getProgressHandler(self):
        return self.progress


# ---- Signals: turn SIGTERM/SIGHUP into SystemExit so context managers run ----------------

_signals_installed = False


def _install_signal_handlers():
    global _signals_installed
    if _signals_installed or threading.current_thread() is not threading.main_thread():
        return

    def on_signal(number, _frame):
        raise SystemExit(128 + number)

    for number in (signal.SIGTERM, signal.SIGHUP):
        try:
            if signal.getsignal(number) in (signal.SIG_DFL, None):
                signal.signal(number, on_signal)
        except (ValueError, OSError):
            pass
    _signals_installed = True


def _call_with_timeout(function, timeout):
    """Run a (remote) call in a daemon thread; True when it returned in time."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function()
        except Exception as error:  # noqa: BLE001 - the office may be gone already
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    return not thread.is_alive(), outcome


def _pipe_sockets_of_group(pgid):
    """Paths of the /tmp/OSL_PIPE_* sockets the processes of group `pgid` listen on
    (Linux /proc). The office removes them when it exits normally, not when killed."""
    inodes = set()
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return []
    for pid in pids:
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            for fd in os.listdir("/proc/%s/fd" % pid):
                target = os.readlink("/proc/%s/fd/%s" % (pid, fd))
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    paths = []
    try:
        with open("/proc/net/unix") as table:
            next(table, None)
            for line in table:
                parts = line.split()
                if len(parts) >= 8 and parts[6] in inodes and "/OSL_PIPE_" in parts[7]:
                    paths.append(parts[7])
    except OSError:
        pass
    return sorted(set(paths))


class Office:
    """One headless soffice process on a throwaway profile under ``work_dir``.

    work_dir  folder for the profile, HOME, TMPDIR and the office's log; created if
              needed. The profile is wiped at the first start.
    locale    None (office default), "en-US" or "fr-FR": UI/office locale written into
              the profile's registrymodifications.xcu before the start.
    """

    def __init__(self, work_dir, locale=None, timeout=DEFAULT_TIMEOUT, verbose=False,
                 deadline=None):
        self.work_dir = os.path.abspath(work_dir)
        # Seconds after __enter__ at which a watchdog thread kills the office's process
        # group whatever the main thread is doing (a hung UNO call then fails at once).
        self.deadline = deadline
        self._watchdog = None
        self.deadline_hit = False
        self.locale = locale
        self.timeout = timeout
        self.verbose = verbose
        self.profile_dir = os.path.join(self.work_dir, "profile")
        self.home_dir = os.path.join(self.work_dir, "home")
        self.tmp_dir = os.path.join(self.work_dir, "tmp")
        self.log_path = os.path.join(self.work_dir, "soffice.log")
        self.process = None
        self.pipe_name = None
        self.context = None
        self.smgr = None
        self.desktop = None
        self._started_once = False
        self._sockets = []

    # -- life cycle -------------------------------------------------------------------------

    def __enter__(self):
        _install_signal_handlers()
        if self.deadline:
            self._watchdog = threading.Timer(self.deadline, self._on_deadline)
            self._watchdog.daemon = True
            self._watchdog.start()
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        if self._watchdog is not None:
            self._watchdog.cancel()
        self.stop()
        if self.deadline_hit and exc_type is not None and not issubclass(exc_type, OfficeError):
            raise OfficeError("the office was killed after the %.0f s deadline (hung?); "
                              "log: %s" % (self.deadline, self.log_path)) from exc
        return False

    def _on_deadline(self):
        process = self.process
        if process is None:
            return
        self.deadline_hit = True
        sys.stderr.write("[office] deadline of %.0f s reached: killing process group %d\n"
                         % (self.deadline, process.pid))
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def _log(self, message):
        if self.verbose:
            sys.stderr.write("[office] %s\n" % message)

    def _prepare_profile(self):
        for folder in (self.profile_dir, self.home_dir, self.tmp_dir):
            if os.path.isdir(folder):
                shutil.rmtree(folder)
            os.makedirs(folder)
        if self.locale:
            user_dir = os.path.join(self.profile_dir, "user")
            os.makedirs(user_dir, exist_ok=True)
            with open(os.path.join(user_dir, "registrymodifications.xcu"), "w",
                      encoding="utf-8") as out:
                out.write(_LOCALE_XCU.format(locale=self.locale))

    def start(self):
        """Start soffice (fresh profile the first time, kept on restarts) and connect."""
        if self.process is not None:
            raise OfficeError("office already running (pid %d)" % self.process.pid)
        soffice = find_soffice()
        os.makedirs(self.work_dir, exist_ok=True)
        if not self._started_once:
            self._prepare_profile()
        self._started_once = True
        self.pipe_name = "onepercent_%d_%s" % (os.getpid(), uuid.uuid4().hex[:12])
        args = [soffice,
                "-env:UserInstallation=" + file_url(self.profile_dir),
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                "--nolockcheck",
                "--accept=pipe,name=%s;urp;" % self.pipe_name]
        env = dict(os.environ)
        env["HOME"] = self.home_dir
        env["TMPDIR"] = self.tmp_dir
        for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            env.pop(name, None)
        if self.locale:
            env["LANG"] = env["LC_ALL"] = self.locale.replace("-", "_") + ".UTF-8"
        self._log("starting %s" % " ".join(args))
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True, cwd=self.work_dir)
        finally:
            log.close()
        self._connect()

    def _connect(self):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe_name
        deadline = time.monotonic() + self.timeout
        last_error = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise OfficeError("soffice exited with code %s before accepting connections; "
                                  "log: %s\n%s" % (self.process.returncode, self.log_path,
                                                   self._log_tail()))
            try:
                self.context = resolver.resolve(url)
                self.smgr = self.context.ServiceManager
                self.desktop = self.smgr.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", self.context)
                self._log("connected to pid %d" % self.process.pid)
                self._sockets = _pipe_sockets_of_group(self.process.pid)
                return
            except NoConnectException as error:
                last_error = error
            except Exception as error:  # noqa: BLE001 - e.g. a RuntimeException mid-start
                last_error = error
            time.sleep(0.25)
        raise OfficeError("could not connect to soffice (pid %d) within %.0f s: %s; log: %s"
                          % (self.process.pid, self.timeout, last_error, self.log_path))

    def _log_tail(self, lines=20):
        try:
            with open(self.log_path, "rb") as log:
                return b"\n".join(log.read().splitlines()[-lines:]).decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self, timeout=20.0):
        """terminate() through UNO, wait, then SIGKILL the whole process group."""
        process = self.process
        if process is None:
            return
        desktop = self.desktop
        self.desktop = self.smgr = self.context = None
        if desktop is not None and process.poll() is None:
            _call_with_timeout(desktop.terminate, timeout / 2)
        try:
            process.wait(timeout=timeout / 2)
        except subprocess.TimeoutExpired:
            self._log("soffice pid %d did not exit; killing its process group" % process.pid)
        # The launcher script and soffice.bin share the group we created: kill any leftover.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # A killed office leaves its pipe sockets in /tmp: remove the ones it listened on.
        for path in self._sockets:
            try:
                os.unlink(path)
            except OSError:
                pass
        self._sockets = []
        self.process = None

    def restart(self):
        self.stop()
        self.start()

    # -- services ---------------------------------------------------------------------------

    def create(self, service, *arguments):
        if arguments:
            return self.smgr.createInstanceWithArgumentsAndContext(service, arguments,
                                                                   self.context)
        return self.smgr.createInstanceWithContext(service, self.context)

    def install_extension(self, oxt_path, restart=True):
        """Install the .oxt for this profile's user through the ExtensionManager singleton
        (unopkg refuses to run as root), then restart: add-in functions are only usable
        in a new office session (Err:504 otherwise)."""
        oxt_path = os.path.abspath(oxt_path)
        if not os.path.isfile(oxt_path):
            raise OfficeError("extension not found: %s (build it first: cmake --build build)"
                              % oxt_path)
        manager = self.context.getValueByName(
            "/singletons/com.sun.star.deployment.ExtensionManager")
        environment = _CommandEnvironment()
        channel = manager.createAbortChannel()
        finished, outcome = _call_with_timeout(
            lambda: manager.addExtension(file_url(oxt_path), (), "user", channel, environment),
            self.timeout * 2)
        if not finished:
            raise OfficeError("installing %s did not finish in time" % oxt_path)
        if "error" in outcome:
            raise OfficeError("installing %s failed: %s" % (oxt_path, outcome["error"]))
        package = outcome.get("value")
        if package is None:
            raise OfficeError(
                "the extension manager did not install %s (%d question(s) from the office, "
                "all answered 'approve'). %s" % (oxt_path, len(environment.handler.requests),
                                                describe_oxt_problems(oxt_path)))
        identifier = package.getIdentifier().Value
        self._log("installed %s" % identifier)
        if restart:
            self.restart()
        return identifier

    def load(self, path, hidden=True, read_only=False, filter_name=None, **extra):
        values = dict(Hidden=hidden, ReadOnly=read_only,
                      MacroExecutionMode=MACRO_NEVER_EXECUTE, UpdateDocMode=UPDATE_NO_UPDATE)
        if filter_name:
            values["FilterName"] = filter_name
        values.update(extra)
        document = self.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                     props(**values))
        if document is None:
            raise OfficeError("could not load %s" % path)
        return document

    def new_spreadsheet(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 props(Hidden=True))


def describe_oxt_problems(oxt_path):
    """Hints about a refused .oxt, read from its description.xml (no office needed)."""
    import zipfile
    import xml.etree.ElementTree as ElementTree
    hints = []
    try:
        with zipfile.ZipFile(oxt_path) as archive:
            names = archive.namelist()
            if "description.xml" not in names:
                return "The .oxt has no description.xml."
            root = ElementTree.fromstring(archive.read("description.xml"))
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError) as error:
        return "The .oxt cannot be read: %s." % error
    known = {
        "{http://openoffice.org/extensions/description/2006}OpenOffice.org-minimal-version",
        "{http://openoffice.org/extensions/description/2006}OpenOffice.org-maximal-version",
        "{http://libreoffice.org/extensions/description/2011}LibreOffice-minimal-version",
        "{http://libreoffice.org/extensions/description/2011}LibreOffice-maximal-version",
    }
    for dependencies in root.iter("{http://openoffice.org/extensions/description/2006}"
                                  "dependencies"):
        for element in dependencies:
            if element.tag not in known:
                hints.append("description.xml dependency %s is unknown to the office, so it is "
                             "never satisfied (LibreOffice-minimal-version must be in the "
                             "namespace http://libreoffice.org/extensions/description/2011)"
                             % element.tag)
    if not hints:
        hints.append("Try: unopkg add -v as a non-root user on a throwaway profile to read the "
                     "office's message.")
    return " ".join(hints)


def close_document(document):
    try:
        document.close(True)
    except Exception:  # noqa: BLE001 - already closed or office gone
        try:
            document.dispose()
        except Exception:  # noqa: BLE001
            pass


def common_arguments(parser, work_default=None):
    """Add --oxt, --work, --locale, --timeout, --verbose to an argparse parser."""
    parser.add_argument("--oxt", help="the OnePercent extension to install (onepercent.oxt)")
    parser.add_argument("--work", default=work_default, required=work_default is None,
                        help="scratch folder (under the build folder) for the profile and "
                             "output files")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds to wait for the office to start (default 60)")
    parser.add_argument("--deadline", type=float, default=270.0,
                        help="seconds after which the office is killed whatever it is doing "
                             "(default 270, under the CTest timeout of 300)")
    parser.add_argument("--verbose", action="store_true")
    return parser
