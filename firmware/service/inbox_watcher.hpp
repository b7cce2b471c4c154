// Watches the inbox folder with inotify and takes every *.placard file that is closed after
// writing or moved in (so a half-copied file is never read), plus those already there at start.
// A taken file is removed from the inbox, a refused one kept in inbox/refused/, one refused for
// a fault of the device (a full disk) left where it is and tried again every 30 s; the outcome
// is in the log and the status.
#pragma once

#include <atomic>
#include <filesystem>
#include <thread>

#include "service/bundle_intake.hpp"

namespace placard {

class InboxWatcher {
  public:
    static Result<std::unique_ptr<InboxWatcher>> start(std::filesystem::path inbox,
                                                       BundleIntake& intake);
    ~InboxWatcher();  // Stops and joins.

  private:
    InboxWatcher(std::filesystem::path inbox, BundleIntake& intake, int inotify, int wake)
        : inbox_(std::move(inbox)), intake_(intake), inotify_(inotify), wake_(wake) {}
    void run();
    // False when the bundle was left in the inbox to be tried again (a transient refusal).
    bool take(const std::filesystem::path& file);
    void take_all_waiting();

    std::filesystem::path inbox_;
    BundleIntake& intake_;
    bool retry_pending_ = false;  // Only the watcher's thread uses it.
    int inotify_ = -1;
    int wake_ = -1;  // An eventfd that ends the thread.
    std::thread thread_;
};

}  // namespace placard
