#include "leftover_guard.hxx"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace onepercent::batch::guard
{
namespace
{
// ---- what a run leaves while it runs ---------------------------------------------------------

struct Office
{
    std::uint64_t start_time = 0; // /proc/<pid>/stat field 22: tells a reused pid apart
    void* object = nullptr;
    KillOffice kill = nullptr;
};

// The gate, the offices and the paths; recursive: a permit holder may remember a path.
std::recursive_mutex gate_mutex;
bool closing = false;
std::map<pid_t, Office> offices;
std::set<std::string> paths;
int guardian_pipe = -1; // write end; -1 without a guardian
pid_t guardian_pid = -1;

// The start time of a process and whether it is still running (not a zombie); nullopt when
// there is no such process.
std::optional<std::uint64_t> running_since(pid_t pid)
{
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string stat;
    if (!std::getline(file, stat))
        return std::nullopt;
    const std::size_t end_of_name = stat.rfind(')');
    if (end_of_name == std::string::npos || end_of_name + 2 >= stat.size())
        return std::nullopt;
    // Fields after the name: 3 state, 4 ppid, ... 22 starttime.
    std::vector<std::string> fields;
    std::size_t start = end_of_name + 2;
    while (start < stat.size() && fields.size() < 20)
    {
        std::size_t end = stat.find(' ', start);
        if (end == std::string::npos)
            end = stat.size();
        fields.push_back(stat.substr(start, end - start));
        start = end + 1;
    }
    if (fields.size() < 20 || fields[0] == "Z" || fields[0] == "X")
        return std::nullopt;
    std::uint64_t since = 0;
    for (char digit : fields[19])
    {
        if (digit < '0' || digit > '9')
            return std::nullopt;
        since = since * 10 + static_cast<std::uint64_t>(digit - '0');
    }
    return since;
}

bool same_process_running(pid_t pid, std::uint64_t start_time)
{
    const auto since = running_since(pid);
    return since && *since == start_time;
}

} // namespace

// remove_all stops at its first error, e.g. a file that something else removed meanwhile:
// again until the tree is gone (a few tries).
void remove_tree(const std::string& path)
{
    for (int attempt = 0; attempt < 10; ++attempt)
    {
        std::error_code error;
        std::filesystem::remove_all(path, error);
        struct stat status;
        if (lstat(path.c_str(), &status) != 0)
            return;
    }
}

namespace
{
// Sockets and files first, then folders (a folder may hold a remembered file).
void remove_paths(const std::set<std::string>& to_remove)
{
    std::vector<std::string> folders;
    for (const std::string& path : to_remove)
    {
        struct stat status;
        if (lstat(path.c_str(), &status) != 0)
            continue;
        if (S_ISDIR(status.st_mode))
            folders.push_back(path);
        else
            unlink(path.c_str());
    }
    // Deepest first.
    std::sort(folders.begin(), folders.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    for (const std::string& folder : folders)
        remove_tree(folder);
}

// Waits until none of the offices runs any more (at most `timeout`).
void wait_for_offices(const std::map<pid_t, std::uint64_t>& leaders,
                      std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline)
    {
        bool any = false;
        for (const auto& [pid, start_time] : leaders)
            any = any || same_process_running(pid, start_time);
        if (!any)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

// ---- the pipe to the guardian ------------------------------------------------------------------
// Records: one type byte, a 4-byte length, the payload. O "pid start": an office; R "pid": it
// was reaped; P path: remove if we die; F path: forget it; D: finished cleanly.

// Called with gate_mutex held: records of several threads never interleave.
void send(char type, const std::string& payload)
{
    if (guardian_pipe < 0)
        return;
    std::string record(1, type);
    const auto length = static_cast<std::uint32_t>(payload.size());
    record.append(reinterpret_cast<const char*>(&length), sizeof length);
    record += payload;
    std::size_t written = 0;
    while (written < record.size())
    {
        const ssize_t result =
            write(guardian_pipe, record.data() + written, record.size() - written);
        if (result < 0 && errno == EINTR)
            continue;
        if (result <= 0)
            return; // the guardian is gone: nothing more to tell it
        written += static_cast<std::size_t>(result);
    }
}

bool read_exactly(int fd, void* buffer, std::size_t size)
{
    auto* bytes = static_cast<char*>(buffer);
    std::size_t done = 0;
    while (done < size)
    {
        const ssize_t result = read(fd, bytes + done, size - done);
        if (result < 0 && errno == EINTR)
            continue;
        if (result <= 0)
            return false;
        done += static_cast<std::size_t>(result);
    }
    return true;
}

[[noreturn]] void guardian_main(int fd)
{
    std::map<pid_t, std::uint64_t> leaders;
    std::set<std::string> to_remove;
    while (true)
    {
        char type = 0;
        std::uint32_t length = 0;
        if (!read_exactly(fd, &type, 1) || !read_exactly(fd, &length, sizeof length))
            break;
        std::string payload(length, '\0');
        if (length > 0 && !read_exactly(fd, payload.data(), length))
            break;
        switch (type)
        {
        case 'O':
        {
            const std::size_t space = payload.find(' ');
            leaders[static_cast<pid_t>(std::stol(payload.substr(0, space)))] =
                std::stoull(payload.substr(space + 1));
            break;
        }
        case 'R':
            leaders.erase(static_cast<pid_t>(std::stol(payload)));
            break;
        case 'P':
            to_remove.insert(payload);
            break;
        case 'F':
            to_remove.erase(payload);
            break;
        case 'D':
            _exit(0);
        default:
            break;
        }
    }
    // The validator died without finishing. Its offices die with it (parent-death signal);
    // a leader still running, checked by its start time, gets its group killed.
    for (const auto& [pid, start_time] : leaders)
        if (same_process_running(pid, start_time))
            ::kill(-pid, SIGKILL);
    wait_for_offices(leaders, std::chrono::seconds(15));
    remove_paths(to_remove);
    _exit(0);
}
} // namespace

bool start()
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return false;
    const pid_t pid = fork();
    if (pid < 0)
    {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0)
    {
        // The guardian: a session of its own (a Ctrl-C or a hang-up of the terminal does not
        // reach it), no terminal output held open, nothing but the pipe's read end.
        setsid();
        for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2})
            std::signal(signal_number, SIG_IGN);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        const int null = open("/dev/null", O_RDWR);
        if (null >= 0)
        {
            dup2(null, STDIN_FILENO);
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        const int keep = fds[0];
        for (int fd = 3; fd < 1024; ++fd)
            if (fd != keep)
                close(fd);
        if (chdir("/") != 0)
        {
            // paths are absolute: nothing depends on the folder
        }
        guardian_main(keep);
    }
    close(fds[0]);
    guardian_pipe = fds[1];
    guardian_pid = pid;
    return true;
}

Permit::Permit()
    : lock_(gate_mutex)
{
    if (closing)
        throw std::runtime_error("the run is being interrupted");
}

Permit::~Permit() = default;

bool shutting_down()
{
    std::lock_guard<std::recursive_mutex> guard(gate_mutex);
    return closing;
}

void office_started(const Permit&, pid_t leader, void* office, KillOffice kill)
{
    const std::uint64_t since = running_since(leader).value_or(0);
    offices[leader] = Office{since, office, kill};
    send('O', std::to_string(leader) + " " + std::to_string(since));
}

void office_reaped(pid_t leader)
{
    std::lock_guard<std::recursive_mutex> guard(gate_mutex);
    offices.erase(leader);
    send('R', std::to_string(leader));
}

void remove_if_we_die(const std::string& path)
{
    std::lock_guard<std::recursive_mutex> guard(gate_mutex);
    paths.insert(path);
    send('P', path);
}

void forget(const std::string& path)
{
    std::lock_guard<std::recursive_mutex> guard(gate_mutex);
    paths.erase(path);
    send('F', path);
}

void shut_down()
{
    std::map<pid_t, std::uint64_t> leaders;
    std::set<std::string> to_remove;
    {
        std::lock_guard<std::recursive_mutex> guard(gate_mutex);
        closing = true;
        for (const auto& [pid, office] : offices)
        {
            office.kill(office.object); // under the office's own lock: never after reaping
            leaders[pid] = office.start_time;
        }
        to_remove = paths;
    }
    // No office can start and no file be made any more: wait for the offices, clean up.
    wait_for_offices(leaders, std::chrono::seconds(10));
    remove_paths(to_remove);
    bool offices_gone = true;
    for (const auto& [pid, start_time] : leaders)
        offices_gone = offices_gone && !same_process_running(pid, start_time);
    if (offices_gone)
    {
        std::lock_guard<std::recursive_mutex> guard(gate_mutex); // one writer at a time
        send('D', "");                                           // else the guardian watches on
    }
}

void finish()
{
    {
        std::unique_lock<std::recursive_mutex> guard(gate_mutex);
        // Interrupted: the signal thread is cleaning up and ends the process when done; the
        // run must not end first (its clean-up would be cut short).
        if (closing)
        {
            guard.unlock();
            for (;;)
                pause();
        }
        send('D', "");
        if (guardian_pipe >= 0)
            close(guardian_pipe);
        guardian_pipe = -1;
    }
    if (guardian_pid > 0)
    {
        int status = 0;
        while (waitpid(guardian_pid, &status, 0) < 0 && errno == EINTR)
        {
        }
        guardian_pid = -1;
    }
}

} // namespace onepercent::batch::guard
