#include "office_process.hxx"

#include "file_url.hxx"
#include "leftover_guard.hxx"

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <rtl/digest.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace css = com::sun::star;
namespace fs = std::filesystem;

namespace onepercent::batch
{
css::uno::Reference<css::uno::XComponentContext>
local_uno_context(const std::string& office_program_folder)
{
    static std::once_flag once;
    static css::uno::Reference<css::uno::XComponentContext> context;
    std::call_once(once,
                   [&]
                   {
                       const std::string rc =
                           "vnd.sun.star.pathname:" + office_program_folder + "/fundamentalrc";
                       setenv("URE_BOOTSTRAP", rc.c_str(), 1);
                       context = cppu::defaultBootstrap_InitialComponentContext();
                   });
    return context;
}

namespace
{
// soffice.bin exits with this code when it wants to be started again (first start on a new
// profile); its launcher oosplash does that, and so do we (desktop/inc/app.hxx, EXITHELPER).
constexpr int exit_restart = 81;

// The /tmp/OSL_PIPE_* sockets that processes of `group` listen on (Linux /proc). The office
// removes them when it exits normally, not when it is killed.
std::vector<std::string> pipe_sockets_of_group(pid_t group)
{
    std::set<std::string> inodes;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/proc", error))
    {
        const std::string pid = entry.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream stat_file(entry.path() / "stat");
        std::string stat;
        std::getline(stat_file, stat);
        const std::size_t end_of_name = stat.rfind(')');
        if (end_of_name == std::string::npos)
            continue;
        std::istringstream fields(stat.substr(end_of_name + 2));
        std::string state;
        pid_t parent = 0, process_group = 0;
        fields >> state >> parent >> process_group;
        if (process_group != group)
            continue;
        for (const auto& fd : fs::directory_iterator(entry.path() / "fd", error))
        {
            const std::string target = fs::read_symlink(fd.path(), error).string();
            if (target.rfind("socket:[", 0) == 0)
                inodes.insert(target.substr(8, target.size() - 9));
        }
    }
    std::vector<std::string> paths;
    std::ifstream unix_sockets("/proc/net/unix");
    std::string line;
    while (std::getline(unix_sockets, line))
    {
        std::istringstream fields(line);
        std::vector<std::string> parts;
        for (std::string part; fields >> part;)
            parts.push_back(part);
        if (parts.size() >= 8 && inodes.count(parts[6]) &&
            parts[7].find("/OSL_PIPE_") != std::string::npos)
            paths.push_back(parts[7]);
    }
    return paths;
}

// The sockets an office on this profile and pipe name will make, known before it makes them
// (so that they are removed even if we die during its start): the accepting pipe, and the
// single-instance pipe named after the MD5 of the profile URL's UTF-16 code units, each byte
// in hex without leading zero (desktop/source/app/officeipcthread.cxx, CreateMD5FromString).
std::vector<std::string> predicted_pipe_sockets(const rtl::OUString& profile_url,
                                                const std::string& pipe_name)
{
    const std::string prefix = "/tmp/OSL_PIPE_" + std::to_string(getuid()) + "_";
    std::vector<std::string> paths{prefix + pipe_name};
    sal_uInt8 digest[RTL_DIGEST_LENGTH_MD5];
    if (rtl_digest_MD5(profile_url.getStr(),
                       static_cast<sal_uInt32>(profile_url.getLength()) * sizeof(sal_Unicode),
                       digest, sizeof digest) == rtl_Digest_E_None)
    {
        static const char hex[] = "0123456789abcdef";
        std::string name = "SingleOfficeIPC_";
        for (sal_uInt8 byte : digest)
        {
            if (byte >= 16)
                name += hex[byte >> 4];
            name += hex[byte & 15];
        }
        paths.push_back(prefix + name);
    }
    return paths;
}

// The office program itself, not its launcher: soffice is a script that runs oosplash, which
// runs soffice.bin as its own child; a parent-death signal set for the launcher would not
// reach soffice.bin.
std::string office_program(const std::string& soffice)
{
    const fs::path binary = fs::path(soffice).parent_path() / "soffice.bin";
    if (access(binary.c_str(), X_OK) == 0)
        return binary.string();
    return soffice;
}
} // namespace

OfficeProcess::OfficeProcess(std::string soffice, std::string profile_folder, std::string pipe_name)
    : soffice_(std::move(soffice))
    , profile_folder_(std::move(profile_folder))
    , pipe_name_(std::move(pipe_name))
{
}

OfficeProcess::~OfficeProcess()
{
    try
    {
        stop();
    }
    catch (...)
    {
        kill();
        reap();
    }
}

bool OfficeProcess::running() const
{
    return leader_ > 0;
}

pid_t OfficeProcess::leader() const
{
    std::lock_guard<std::mutex> lock(lifecycle_);
    return leader_;
}

pid_t OfficeProcess::spawn()
{
    const fs::path folder = fs::absolute(profile_folder_);
    const std::string program = office_program(soffice_);
    const rtl::OUString profile_url = file_url_of((folder / "profile").string());
    std::vector<std::string> arguments{program,
                                       "-env:UserInstallation=" + to_utf8(profile_url),
                                       "--headless",
                                       "--invisible",
                                       "--norestore",
                                       "--nologo",
                                       "--nodefault",
                                       "--nolockcheck",
                                       "--accept=pipe,name=" + pipe_name_ +
                                           ";urp;StarOffice.ComponentContext"};
    std::vector<std::string> environment{"HOME=" + (folder / "home").string(),
                                         "TMPDIR=" + (folder / "tmp").string()};
    for (char** variable = environ; *variable; ++variable)
    {
        const std::string entry = *variable;
        if (entry.rfind("HOME=", 0) != 0 && entry.rfind("TMPDIR=", 0) != 0)
            environment.push_back(entry);
    }
    // Everything the child needs is made here: between fork and exec it only makes
    // async-signal-safe calls.
    std::vector<char*> argv, envp;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    for (std::string& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    // The office's own messages (e.g. "failed to launch javaldx") go to a log file in its
    // folder, not into our report.
    const std::string log = (folder / "office.log").string();
    long open_max = sysconf(_SC_OPEN_MAX);
    if (open_max < 0 || open_max > 65536)
        open_max = 65536;

    guard::Permit permit; // no office starts once an interruption began
    std::lock_guard<std::mutex> lock(lifecycle_);
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (log_fd < 0 || null_fd < 0)
    {
        const int error = errno;
        if (log_fd >= 0)
            close(log_fd);
        if (null_fd >= 0)
            close(null_fd);
        throw std::runtime_error("cannot open " + log + ": " + std::strerror(error));
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0)
    {
        setpgid(0, 0); // a group of its own, led by the new pid
        // Dies with us, even by SIGKILL (the signal comes when the forking thread ends).
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr); // we block termination signals; it must not
        struct sigaction default_action;
        std::memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &default_action, nullptr); // we ignore SIGPIPE; it must not
        dup2(null_fd, STDIN_FILENO);
        dup2(log_fd, STDOUT_FILENO);
        dup2(log_fd, STDERR_FILENO);
        // No descriptor of ours (UNO pipes, the guardian's pipe) goes to the office.
        if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
            for (int fd = 3; fd < open_max; ++fd)
                close(fd);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    const int fork_error = errno;
    close(log_fd);
    close(null_fd);
    if (pid < 0)
        throw std::runtime_error("cannot start " + program + ": " + std::strerror(fork_error));
    setpgid(pid, pid); // also here: the group exists before we may signal it
    leader_ = pid;
    guard::office_started(permit, pid, this,
                          [](void* office) { static_cast<OfficeProcess*>(office)->kill(); });
    for (const std::string& socket : predicted_pipe_sockets(profile_url, pipe_name_))
    {
        pipe_sockets_.push_back(socket);
        guard::remove_if_we_die(socket);
    }
    return pid;
}

void OfficeProcess::start(std::chrono::seconds timeout)
{
    const fs::path folder = fs::absolute(profile_folder_);
    {
        guard::Permit permit;
        fs::create_directories(folder / "home");
        fs::create_directories(folder / "tmp");
    }
    const auto resolver = css::bridge::UnoUrlResolver::create(
        local_uno_context(fs::path(soffice_).parent_path().string()));
    const rtl::OUString url =
        to_ou("uno:pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (int restarts = 0;; ++restarts)
    {
        spawn();
        while (true)
        {
            try
            {
                context_.set(resolver->resolve(url), css::uno::UNO_QUERY_THROW);
                for (const std::string& socket : pipe_sockets_of_group(leader_))
                    if (std::find(pipe_sockets_.begin(), pipe_sockets_.end(), socket) ==
                        pipe_sockets_.end())
                    {
                        pipe_sockets_.push_back(socket);
                        guard::remove_if_we_die(socket);
                    }
                return;
            }
            catch (const css::connection::NoConnectException&)
            {
            }
            int status = 0;
            if (exited(&status))
            {
                reap();
                if (status == exit_restart && restarts < 3)
                    break; // a new profile: start it again, as oosplash does
                throw std::runtime_error("the office exited before it accepted a connection");
            }
            if (std::chrono::steady_clock::now() > deadline)
            {
                kill();
                reap();
                throw std::runtime_error("the office did not accept a connection within " +
                                         std::to_string(timeout.count()) + " s");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

bool OfficeProcess::exited(int* exit_status) const
{
    const pid_t pid = leader_;
    if (pid <= 0)
        return true;
    siginfo_t info;
    std::memset(&info, 0, sizeof info);
    // WNOWAIT: the leader stays a zombie, so its pid (and group id) cannot be reused until
    // reap() takes it.
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return errno == ECHILD;
    if (info.si_pid != pid)
        return false;
    if (exit_status)
        *exit_status = info.si_code == CLD_EXITED ? info.si_status : -1;
    return true;
}

bool OfficeProcess::wait_for_exit(std::chrono::milliseconds timeout) const
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!exited())
    {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

void OfficeProcess::reap()
{
    pid_t pid = -1;
    {
        std::lock_guard<std::mutex> lock(lifecycle_);
        pid = leader_;
        if (pid <= 0)
            return;
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        {
        }
        leader_ = -1; // from now on kill() does nothing
    }
    guard::office_reaped(pid);
}

void OfficeProcess::stop()
{
    if (leader_ <= 0)
    {
        context_.clear();
        return;
    }
    bool asked = false;
    if (context_.is())
    {
        try
        {
            css::frame::Desktop::create(context_)->terminate();
            asked = true;
        }
        catch (const css::uno::Exception&)
        {
            // a dead or dying office, or a broken bridge: the process group is ended below
        }
    }
    context_.clear();
    // An office that could not be asked to end will not end by itself: no waiting for it.
    const bool exited_in_time = wait_for_exit(std::chrono::seconds(asked ? 15 : 0));
    // The leader is not reaped yet, so the group is still ours: end what outlives it.
    kill();
    if (!exited_in_time)
        wait_for_exit(std::chrono::seconds(5));
    reap();
    std::error_code ignored;
    for (const std::string& socket : pipe_sockets_)
    {
        fs::remove(socket, ignored);
        guard::forget(socket);
    }
    pipe_sockets_.clear();
}

void OfficeProcess::kill()
{
    std::lock_guard<std::mutex> lock(lifecycle_);
    if (leader_ > 0)
        ::kill(-leader_, SIGKILL);
}

} // namespace onepercent::batch
