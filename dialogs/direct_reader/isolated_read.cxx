// read_isolated: each file read in a forked child with limits, its model streamed back through
// a pipe. A hostile file can exhaust the child's memory (RLIMIT_AS: allocation fails and the
// child reports it), its CPU (RLIMIT_CPU: SIGXCPU) or its time (the parent's deadline:
// SIGKILL) or crash it: each is this file's finding, never the batch's end. The child never
// writes a file (RLIMIT_FSIZE 0), holds no descriptor but the pipe's, has the default signal
// dispositions (not the batch validator's clean-up handlers) and dies with its parent.
#include "reader_internal.hxx"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace onepercent::direct_reader
{
namespace
{
class FdSink : public detail::ByteSink
{
  public:
    explicit FdSink(int fd)
        : fd_(fd)
    {
    }
    void write(const char* data, std::size_t size) override
    {
        while (size > 0)
        {
            const ssize_t written = ::write(fd_, data, size);
            if (written < 0)
            {
                if (errno == EINTR)
                    continue;
                _exit(3); // the parent is gone or gave up on us
            }
            data += written;
            size -= static_cast<std::size_t>(written);
        }
    }

  private:
    int fd_;
};

// Virtual memory the child inherits, from /proc/self/statm (pages).
std::uint64_t current_address_space()
{
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, statm) != nullptr;
    std::fclose(statm);
    if (!read)
        return 0;
    std::uint64_t pages = 0;
    for (const char* c = line; *c >= '0' && *c <= '9'; ++c)
        pages = pages * 10 + static_cast<std::uint64_t>(*c - '0');
    return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

[[noreturn]] void child(const std::string& path, const Limits& limits, int out, pid_t parent)
{
    // Default dispositions and no blocked signal: the batch validator's handlers end offices.
    for (int number = 1; number < NSIG; ++number)
        if (number != SIGKILL && number != SIGSTOP)
            std::signal(number, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(4);
    // Only the pipe (as descriptor 3) and the standard ones stay open.
    if (out != 3)
    {
        if (dup2(out, 3) < 0)
            _exit(5);
        out = 3;
    }
    syscall(SYS_close_range, 4u, ~0u, 0u);
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    const rlimit no_files{0, 0};
    setrlimit(RLIMIT_FSIZE, &no_files);
    const rlim_t cpu = limits.seconds + 1;
    const rlimit cpu_limit{cpu, cpu + 1};
    setrlimit(RLIMIT_CPU, &cpu_limit);
    const std::uint64_t inherited = current_address_space();
    if (inherited > 0)
    {
        const rlim_t bytes = static_cast<rlim_t>(inherited + limits.memory_bytes);
        const rlimit memory{bytes, bytes};
        setrlimit(RLIMIT_AS, &memory);
    }
    FdSink sink(out);
    detail::read_path_guarded(path, limits, sink);
    _exit(0);
}

std::string signal_name(int number)
{
    switch (number)
    {
    case SIGSEGV:
        return "SIGSEGV";
    case SIGBUS:
        return "SIGBUS";
    case SIGABRT:
        return "SIGABRT";
    case SIGFPE:
        return "SIGFPE";
    case SIGILL:
        return "SIGILL";
    case SIGKILL:
        return "SIGKILL";
    default:
        return "signal " + std::to_string(number);
    }
}
} // namespace

Result read_isolated(const std::string& path, const Limits& limits)
{
    const auto started = std::chrono::steady_clock::now();
    auto failure = [&](std::string en, std::string fr)
    {
        Result result;
        result.workbook.file_name = path;
        result.status = Status::unreadable;
        result.reason = {std::move(en), std::move(fr)};
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    };
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return failure(
            "the reader could not start (no pipe: " + std::string(std::strerror(errno)) + ")",
            "le lecteur n'a pas pu démarrer (pas de tube : " + std::string(std::strerror(errno)) +
                ")");
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0)
    {
        const int error = errno;
        close(fds[0]);
        close(fds[1]);
        return failure("the reader could not start (" + std::string(std::strerror(error)) + ")",
                       "le lecteur n'a pas pu démarrer (" + std::string(std::strerror(error)) +
                           ")");
    }
    if (pid == 0)
    {
        close(fds[0]);
        child(path, limits, fds[1], parent);
    }
    close(fds[1]);

    // The stream, under the deadline; a child that sends more than it could have read is cut.
    const auto deadline = started + std::chrono::seconds(limits.seconds);
    const std::uint64_t cap = limits.max_unpacked_bytes + (64ull << 20);
    std::string bytes;
    bool timed_out = false, too_much = false;
    char buffer[1 << 16];
    while (true)
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0)
        {
            timed_out = true;
            break;
        }
        pollfd entry{fds[0], POLLIN, 0};
        const int ready = poll(&entry, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        const ssize_t got = read(fds[0], buffer, sizeof buffer);
        if (got < 0)
        {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            break;
        }
        if (got == 0)
            break;
        bytes.append(buffer, static_cast<std::size_t>(got));
        if (bytes.size() > cap)
        {
            too_much = true;
            break;
        }
    }
    close(fds[0]);
    if (timed_out || too_much)
        kill(pid, SIGKILL);
    // The child exits as it closes the pipe; one that would not is ended at the deadline.
    int status = 0;
    rusage usage{};
    while (true)
    {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid || (done < 0 && errno != EINTR))
            break;
        if (done == 0 && std::chrono::steady_clock::now() >= deadline && !timed_out)
        {
            timed_out = true;
            kill(pid, SIGKILL);
        }
        if (done == 0)
            usleep(1000);
    }

    Result result;
    if (timed_out)
        result = failure("reading it took longer than " + std::to_string(limits.seconds) + " s",
                         "sa lecture a pris plus de " + std::to_string(limits.seconds) + " s");
    else if (too_much)
        result = failure("the reader's output passed its limit",
                         "la sortie du lecteur a dépassé sa limite");
    else
    {
        result = detail::decode_model(bytes, path, limits);
        const bool finished =
            !bytes.empty() && result.reason.en.find("stopped before") == std::string::npos;
        if (WIFSIGNALED(status) && !(finished && result.status == Status::read))
        {
            const int number = WTERMSIG(status);
            if (number == SIGXCPU)
                result = failure("reading it used more than " + std::to_string(limits.seconds) +
                                     " s of processor time",
                                 "sa lecture a utilisé plus de " + std::to_string(limits.seconds) +
                                     " s de processeur");
            else
                result =
                    failure("the reader stopped on this file (" + signal_name(number) + ")",
                            "le lecteur s'est arrêté sur ce fichier (" + signal_name(number) + ")");
        }
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        {
            if (result.status == Status::read || bytes.empty())
                result =
                    failure("the reader stopped on this file (exit " +
                                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")",
                            "le lecteur s'est arrêté sur ce fichier (code " +
                                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
        }
    }
    result.child_peak_kib = usage.ru_maxrss;
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace onepercent::direct_reader
