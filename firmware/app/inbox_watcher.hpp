// Watches the inbox folder with inotify and takes every *.placard file that is closed after
// writing or moved in (so a half-copied file is never read), plus those already there at start.
// A taken or refused file is removed from the inbox; the outcome is in the log and the status.
#pragma once

#include <atomic>
#include <filesystem>
#include <thread>

#include "app/bundle_intake.hpp"

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
    void take(const std::filesystem::path& file);

    std::filesystem::path inbox_;
    BundleIntake& intake_;
    int inotify_ = -1;
    int wake_ = -1;  // An eventfd that ends the thread.
    std::thread thread_;
};

}  // namespace placard
