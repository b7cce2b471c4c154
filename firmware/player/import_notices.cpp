#include "player/import_notices.hpp"

#include <utility>

#include "content/update_status.hpp"

namespace placard {

ImportNotices::ImportNotices(std::filesystem::path status_file)
    : status_file_(std::move(status_file)) {
    std::error_code error;
    seen_ = std::filesystem::last_write_time(status_file_, error);
    const UpdateStatus status = load_update_status(status_file_);
    taken_at_ = status.taken_at;
    error_at_ = status.last_error_at;
}

ImportNotices::~ImportNotices() {
    thread_.stop();
}

void ImportNotices::start(std::chrono::milliseconds interval) {
    thread_.start(interval, [this, interval] {
        std::string notice = poll();
        if (!notice.empty()) {
            std::lock_guard lock(mutex_);
            pending_ = std::move(notice);
        }
        return interval;
    });
}

std::string ImportNotices::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(pending_, {});
}

std::string ImportNotices::poll() {
    std::error_code error;
    const auto modified = std::filesystem::last_write_time(status_file_, error);
    if (error || modified == seen_) {
        return {};
    }
    seen_ = modified;
    const UpdateStatus status = load_update_status(status_file_);
    std::string notice;
    if (status.taken_at != taken_at_ && status.source.starts_with("bundle ")) {
        notice = "新内容已导入（版本 " + std::to_string(status.version) + "）";
    } else if (status.last_error_at != error_at_ &&
               status.last_error_source.starts_with("bundle ")) {
        // The admin at the screen sees that it was refused; the reason is in the log and in
        // placard-tool status.
        notice = "内容包未导入，原内容保持不变（原因见日志）";
    }
    taken_at_ = status.taken_at;
    error_at_ = status.last_error_at;
    return notice;
}

}  // namespace placard
