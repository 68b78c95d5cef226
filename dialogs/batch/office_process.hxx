// A headless office of our own: started on a throwaway profile in its own process group,
// reached over a UNO pipe, and always ended by that process group (never by name).
#pragma once

#include "uno_text.hxx"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
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
    // Asks the office to terminate, waits a little, then kills its process group.
    void stop();
    // Kills the process group at once (a hung office); safe from another thread.
    void kill();
    bool running() const;

    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context() const
    {
        return context_;
    }
    const std::string& profile_folder() const { return profile_folder_; }

  private:
    bool wait_for_exit(std::chrono::milliseconds timeout);

    std::string soffice_;
    std::string profile_folder_;
    std::string pipe_name_;
    pid_t process_group_ = -1;              // the pid we spawned leads its own group
    std::vector<std::string> pipe_sockets_; // removed after the office is gone
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
};

// The local UNO context of this process, bootstrapped once from the office's own
// fundamentalrc (types and services of the installed office).
com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>
local_uno_context(const std::string& office_program_folder);

} // namespace onepercent::batch
