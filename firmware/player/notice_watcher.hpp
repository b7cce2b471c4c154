// The notices delivered on their own (notice files through the inbox, USB or an upload), as the
// content service writes them to the store's notice register (content/notice_register.hpp):
// looked at ten times a second on a thread of its own, which also lays them out, so that a
// notice is on screen within a second of arriving and the render thread only draws it.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "render/notice_painter.hpp"
#include "runtime/periodic_thread.hpp"

namespace placard {

class NoticeWatcher {
  public:
    NoticeWatcher(std::filesystem::path register_file, FontLibrary& fonts,
                  HomeScreenGeometry geometry);
    ~NoticeWatcher();
    NoticeWatcher(const NoticeWatcher&) = delete;
    NoticeWatcher& operator=(const NoticeWatcher&) = delete;

    void start(std::chrono::milliseconds interval);
    // Looks once, on the calling thread: true when the register changed since the last look.
    bool poll_once();
    // The notices found since the last take, laid out; null when nothing changed.
    std::shared_ptr<const NoticeBoard> take();

  private:
    // What identifies a version of the register file: it is replaced by rename, so a new
    // version is a new inode.
    struct FileStamp {
        std::uintmax_t inode = 0;
        std::filesystem::file_time_type modified{};
        std::uintmax_t size = 0;
        bool exists = false;
        bool operator==(const FileStamp&) const = default;
    };
    FileStamp read_stamp() const;

    std::filesystem::path register_file_;
    FontLibrary& fonts_;
    HomeScreenGeometry geometry_;
    FileStamp seen_;
    bool looked_ = false;
    std::mutex mutex_;  // For pending_.
    std::shared_ptr<const NoticeBoard> pending_;
    PeriodicThread thread_;  // Last: stopped before the members it uses are destroyed.
};

}  // namespace placard
