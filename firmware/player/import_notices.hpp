// What the screen briefly says after a bundle import (USB, inbox, upload), read from the
// store's status.json that the content service (placard-tool serve) writes: the player itself
// has no network or import code, so it stays small and needs no rights beyond the display.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>

#include "runtime/periodic_thread.hpp"

namespace placard {

class ImportNotices {
  public:
    explicit ImportNotices(std::filesystem::path status_file);
    ~ImportNotices();
    ImportNotices(const ImportNotices&) = delete;
    ImportNotices& operator=(const ImportNotices&) = delete;

    // Looks at status.json every `interval` on a thread of its own, so that the render thread
    // never touches the file: it only takes what was found.
    void start(std::chrono::milliseconds interval);
    // The newest notice found and not yet taken, or "".
    std::string take();
    // Looks once, on the calling thread: a notice for an import since the last look, or "".
    std::string poll();

  private:
    std::filesystem::path status_file_;
    std::filesystem::file_time_type seen_{};
    std::string taken_at_, error_at_;
    std::mutex mutex_;  // For pending_.
    std::string pending_;
    PeriodicThread thread_;  // Last: stopped before the members it uses are destroyed.
};

}  // namespace placard
