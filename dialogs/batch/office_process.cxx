#include "office_process.hxx"

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <cppuhelper/bootstrap.hxx>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace css = com::sun::star;

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
// The /tmp/OSL_PIPE_* sockets that processes of `group` listen on (Linux /proc). The office
// removes them when it exits normally, not when it is killed.
std::vector<std::string> pipe_sockets_of_group(pid_t group)
{
    namespace fs = std::filesystem;
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
    }
}

bool OfficeProcess::running() const
{
    return process_group_ > 0;
}

void OfficeProcess::start(std::chrono::seconds timeout)
{
    namespace fs = std::filesystem;
    const fs::path folder = fs::absolute(profile_folder_);
    fs::create_directories(folder / "home");
    fs::create_directories(folder / "tmp");

    std::vector<std::string> arguments{
        soffice_,
        "-env:UserInstallation=file://" + (folder / "profile").string(),
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--accept=pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext"};
    std::vector<std::string> environment{"HOME=" + (folder / "home").string(),
                                         "TMPDIR=" + (folder / "tmp").string()};
    for (char** variable = environ; *variable; ++variable)
    {
        const std::string entry = *variable;
        if (entry.rfind("HOME=", 0) != 0 && entry.rfind("TMPDIR=", 0) != 0)
            environment.push_back(entry);
    }
    std::vector<char*> argv, envp;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    for (std::string& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0); // a group of its own, led by the new pid
    // The office's own messages (e.g. "failed to launch javaldx") go to a log file in its
    // folder, not into our report.
    const std::string log = (folder / "office.log").string();
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    const int spawned =
        posix_spawn(&pid, soffice_.c_str(), &files, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0)
        throw std::runtime_error("cannot start " + soffice_ + ": " + std::strerror(spawned));
    process_group_ = pid;

    const auto resolver = css::bridge::UnoUrlResolver::create(
        local_uno_context(fs::path(soffice_).parent_path().string()));
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const rtl::OUString url =
        to_ou("uno:pipe,name=" + pipe_name_ + ";urp;StarOffice.ComponentContext");
    while (true)
    {
        try
        {
            context_.set(resolver->resolve(url), css::uno::UNO_QUERY_THROW);
            pipe_sockets_ = pipe_sockets_of_group(pid);
            return;
        }
        catch (const css::connection::NoConnectException&)
        {
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid)
        {
            process_group_ = -1;
            throw std::runtime_error("the office exited before it accepted a connection");
        }
        if (std::chrono::steady_clock::now() > deadline)
        {
            kill();
            throw std::runtime_error("the office did not accept a connection within " +
                                     std::to_string(timeout.count()) + " s");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

bool OfficeProcess::wait_for_exit(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline)
    {
        int status = 0;
        const pid_t result = waitpid(process_group_, &status, WNOHANG);
        if (result == process_group_ || (result < 0 && errno == ECHILD))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

void OfficeProcess::stop()
{
    if (process_group_ <= 0)
        return;
    if (context_.is())
    {
        try
        {
            css::frame::Desktop::create(context_)->terminate();
        }
        catch (const css::uno::Exception&)
        {
            // a dead or dying office: the process group is ended below
        }
    }
    context_.clear();
    const bool exited = wait_for_exit(std::chrono::seconds(15));
    // soffice.bin and its helpers may outlive the launcher: end the whole group.
    ::kill(-process_group_, SIGKILL);
    if (!exited)
        wait_for_exit(std::chrono::seconds(5));
    std::error_code ignored;
    for (const std::string& socket : pipe_sockets_)
        std::filesystem::remove(socket, ignored);
    pipe_sockets_.clear();
    process_group_ = -1;
}

void OfficeProcess::kill()
{
    const pid_t group = process_group_;
    if (group > 0)
        ::kill(-group, SIGKILL);
}

} // namespace onepercent::batch
