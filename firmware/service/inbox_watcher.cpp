#include "service/inbox_watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "content/content_store.hpp"

namespace placard {

namespace fs = std::filesystem;

Result<std::unique_ptr<InboxWatcher>> InboxWatcher::start(fs::path inbox, BundleIntake& intake) {
    std::error_code error;
    fs::create_directories(inbox, error);
    if (error) {
        return make_error(inbox.string() + ": cannot create the inbox (" + error.message() + ")");
    }
    const int inotify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (inotify < 0 ||
        inotify_add_watch(inotify, inbox.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
        if (inotify >= 0) {
            close(inotify);
        }
        return make_error(inbox.string() + ": cannot watch (" + std::strerror(errno) + ")");
    }
    const int wake = eventfd(0, EFD_CLOEXEC);
    std::unique_ptr<InboxWatcher> watcher(
        new InboxWatcher(std::move(inbox), intake, inotify, wake));
    watcher->thread_ = std::thread([raw = watcher.get()] { raw->run(); });
    return watcher;
}

InboxWatcher::~InboxWatcher() {
    const std::uint64_t one = 1;
    if (write(wake_, &one, sizeof one) < 0) {
        // The thread then ends at its next event; nothing more to do here.
    }
    if (thread_.joinable()) {
        thread_.join();
    }
    close(inotify_);
    close(wake_);
}

bool InboxWatcher::take(const fs::path& file) {
    const std::string name = file.filename().string();
    // Hidden names are copies in progress (the USB import writes .NAME.part, then renames).
    if (file.extension() != ".placard" || name.starts_with(".")) {
        return true;
    }
    std::error_code error;
    if (!fs::is_regular_file(fs::symlink_status(file, error))) {
        return true;
    }
    const UpdateOutcome outcome = intake_.take(file);
    if (outcome.kind != UpdateOutcome::Kind::Refused) {
        // A receipt for the USB import (placard-usb-import), which waits for its bundles'
        // outcomes: a stick that brought something new signed by a trusted key (a newer
        // version, a new notice) is an admin's, and receives the play log. Not for content
        // already shown: a copy of any bundle an admin ever pushed would do for that, and a
        // stranger's stick would be written to. Written before the bundle goes, so that the
        // import finds it once the bundle has gone.
        if (outcome.kind == UpdateOutcome::Kind::Taken && name.starts_with("usb-") &&
            intake_.takes_only_signed()) {
            std::ofstream(inbox_ / ("." + name + ".taken")).put('\n');
        }
        fs::remove(file, error);
        // The removal on the disk too: a power cut must not bring a taken bundle back.
        (void)sync_path(inbox_);
        return true;
    }
    if (outcome.transient()) {
        return false;  // The device's fault (a full disk): the bundle waits to be tried again.
    }
    // A refused push is kept for the admin to look at (inbox/refused/, the newest few), not
    // lost.
    const fs::path refused = inbox_ / "refused";
    fs::create_directories(refused, error);
    fs::rename(file, refused / name, error);
    if (error) {
        fs::remove(file, error);
    }
    std::vector<std::pair<fs::file_time_type, fs::path>> kept;
    for (const auto& entry : fs::directory_iterator(refused, error)) {
        kept.emplace_back(entry.last_write_time(error), entry.path());
    }
    constexpr std::size_t kKeepRefused = 5;
    if (kept.size() > kKeepRefused) {
        std::sort(kept.begin(), kept.end());
        for (std::size_t i = 0; i + kKeepRefused < kept.size(); ++i) {
            fs::remove(kept[i].second, error);
        }
    }
    return true;
}

void InboxWatcher::take_all_waiting() {
    std::error_code error;
    std::vector<fs::path> waiting;
    for (const auto& entry : fs::directory_iterator(inbox_, error)) {
        waiting.push_back(entry.path());
    }
    std::sort(waiting.begin(), waiting.end());
    bool all_done = true;
    for (const fs::path& file : waiting) {
        all_done = take(file) && all_done;
    }
    retry_pending_ = !all_done;
}

void InboxWatcher::run() {
    // Bundles dropped while the service was not running.
    take_all_waiting();
    alignas(inotify_event) char buffer[4096];
    while (true) {
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
        // Bundles left by a transient refusal are tried again every 30 s.
        const int ready = poll(fds, 2, retry_pending_ ? 30'000 : -1);
        if (ready < 0 && errno != EINTR) {
            return;
        }
        if (fds[1].revents & POLLIN) {
            return;
        }
        if (ready == 0) {
            take_all_waiting();
            continue;
        }
        const ssize_t length = read(inotify_, buffer, sizeof buffer);
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            if (event->len > 0 && !take(inbox_ / event->name)) {
                retry_pending_ = true;
            }
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

}  // namespace placard
