#include "player/notice_watcher.hpp"

#include <sys/stat.h>

#include "content/notice_register.hpp"
#include "runtime/log.hpp"
#include "runtime/missing_characters.hpp"

namespace placard {

NoticeWatcher::NoticeWatcher(std::filesystem::path register_file, FontLibrary& fonts,
                             HomeScreenGeometry geometry)
    : register_file_(std::move(register_file)), fonts_(fonts), geometry_(geometry) {}

NoticeWatcher::~NoticeWatcher() {
    thread_.stop();
}

void NoticeWatcher::start(std::chrono::milliseconds interval) {
    poll_once();  // The notices already taken are on the first frame.
    thread_.start(interval, [this, interval] {
        poll_once();
        return interval;
    });
}

NoticeWatcher::FileStamp NoticeWatcher::read_stamp() const {
    FileStamp stamp;
    struct stat info {};
    if (::stat(register_file_.c_str(), &info) != 0) {
        return stamp;
    }
    stamp.exists = true;
    stamp.inode = info.st_ino;
    stamp.size = static_cast<std::uintmax_t>(info.st_size);
    std::error_code error;
    stamp.modified = std::filesystem::last_write_time(register_file_, error);
    return stamp;
}

bool NoticeWatcher::poll_once() {
    const FileStamp stamp = read_stamp();
    if (looked_ && stamp == seen_) {
        return false;
    }
    looked_ = true;
    seen_ = stamp;
    auto loaded = load_notice_register(register_file_);
    if (!loaded) {
        // Kept as it was: a register being damaged is no reason to drop a notice on screen.
        log_error("notices: " + loaded.error().message);
        return false;
    }
    std::vector<Notice> notices;
    for (RegisteredNotice& entry : loaded->notices) {
        notices.push_back(std::move(entry.notice));
    }
    auto board = lay_out_notices(notices, fonts_, geometry_);
    log_missing_characters(board->missing, register_file_.string());
    log_info("notices: " + std::to_string(notices.size()) + " taken");
    std::lock_guard lock(mutex_);
    pending_ = std::move(board);
    return true;
}

std::shared_ptr<const NoticeBoard> NoticeWatcher::take() {
    std::lock_guard lock(mutex_);
    return std::move(pending_);
}

}  // namespace placard
