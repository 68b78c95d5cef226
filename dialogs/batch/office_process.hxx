// A headless office of our own: started on a throwaway profile in its own process group,
// reached over a UNO pipe, and always ended by that process group (never by name).
//
// Life cycle (race-free, issue 9 item 10): the group is signalled only while its leader is
// our unreaped child, so its id cannot have been reused. The leader's pid is guarded by a
// mutex that kill() (from the watchdog or the signal thread) and the reaping share. The
// office is started with a parent-death signal, so it dies with the thread that started it:
// start() and stop() are called by one owner thread, which outlives the office.
#pragma once

#include "uno_text.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <vector>

namespace onepercent::batch
{
class OfficeProcess
{
  public:
    // `profile_folder` is created if needed and holds the profile, HOME and TMPDIR.
    OfficeProcess(std::string soffice, std::string profile_folder, std::string pipe_name);
    ~OfficeProcess(); // stops the office
    OfficeProcess(const OfficeProcess&) = delete;
    OfficeProcess& operator=(const OfficeProcess&) = delete;

    // Starts the office and connects; throws std::runtime_error with the reason.
    void start(std::chrono::seconds timeout);
    // Asks the office to terminate, waits a little, then kills its process group and reaps it.
    void stop();
    // Kills the process group at once (a hung office); safe from any thread.
    void kill();
    bool running() const; // owner thread

    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context() const
    {
        return context_;
    }
    const std::string& profile_folder() const { return profile_folder_; }
    pid_t leader() const; // the office's pid, -1 when none (for tests and messages)

  private:
    pid_t spawn();
    // Whether the leader has exited, without reaping it (its group id stays ours).
    bool exited(int* exit_status = nullptr) const;
    bool wait_for_exit(std::chrono::milliseconds timeout) const;
    void reap();

    std::string soffice_;
    std::string profile_folder_;
    std::string pipe_name_;
    mutable std::mutex lifecycle_;          // guards leader_ against kill() from other threads
    pid_t leader_ = -1;                     // our child, leading its own group; -1 once reaped
    std::vector<std::string> pipe_sockets_; // removed after the office is gone
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
};

// The local UNO context of this process, bootstrapped once from the office's own
// fundamentalrc (types and services of the installed office).
com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>
local_uno_context(const std::string& office_program_folder);

} // namespace onepercent::batch
