// Nothing of a run outlives it: not an office, not a profile, not a pipe.
//
// Two lines of defence:
//  - inside the validator, shut_down() (called by the signal thread on SIGTERM, SIGINT,
//    SIGHUP, ...) closes the gate for new offices and files, kills every office's process
//    group, waits for the offices to end and removes every remembered path;
//  - a guardian process, forked at start-up into a session of its own, holds the read end of
//    a pipe. When the validator dies without saying it finished (SIGKILL, a crash), the pipe
//    reaches end-of-file and the guardian does the same clean-up from what it was told. The
//    offices themselves die with the validator (PR_SET_PDEATHSIG, see office_process.cxx).
#pragma once

#include <mutex>
#include <string>
#include <sys/types.h>

namespace onepercent::batch::guard
{
// Forks the guardian. Call once, early, while the process has a single thread.
// Returns false (and the run goes on without it) when it cannot be started.
bool start();

// The gate: hold it while creating a file or folder under the run's folders or starting an
// office, so that none is made after shut_down() began. Throws std::runtime_error then.
class Permit
{
  public:
    Permit();
    ~Permit();
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;

  private:
    std::unique_lock<std::recursive_mutex> lock_;
};
bool shutting_down();

// An office we started leads its own process group (`leader` is its pid, not yet reaped).
// Called with the permit under which it was started; shut_down() calls kill(office), which
// must never signal a group whose leader was reaped. office_reaped: before the object goes.
using KillOffice = void (*)(void* office);
void office_started(const Permit& permit, pid_t leader, void* office, KillOffice kill);
void office_reaped(pid_t leader);

// Removes a folder and what it holds, again if something else removed part of it meanwhile.
void remove_tree(const std::string& path);

// Paths to remove if the run ends abnormally (sockets, files, folders), and to forget.
void remove_if_we_die(const std::string& path);
void forget(const std::string& path);

// On a termination signal: no new office or file, every office killed, waited for, every
// remembered path removed. Safe to call from the signal thread only (it takes locks).
void shut_down();
// The run ended and removed its own files: the guardian exits, and is reaped. During an
// interruption it never returns: the signal thread ends the process once it has cleaned up.
void finish();

} // namespace onepercent::batch::guard
