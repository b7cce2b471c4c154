#include "content/content_store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>

#include "core/read_file.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

// fsyncs every file and folder below `dir`, deepest first, then `dir` itself.
bool sync_tree(const fs::path& dir) {
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_symlink() && !sync_path(it->path())) {
            return false;
        }
    }
    return !error && sync_path(dir);
}

// A name no other process or thread will pick: pid, thread and 64 random bits.
std::string unique_suffix() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    return std::to_string(::getpid()) + "-" + std::to_string(random());
}

// Points the symlink `link` at `target` atomically: a new symlink renamed over the old one.
Status replace_symlink(const fs::path& link, const fs::path& target) {
    const fs::path temporary = link.string() + ".new-" + unique_suffix();
    std::error_code error;
    fs::create_symlink(target, temporary, error);
    if (error) {
        return make_error(ErrorKind::Failed,
                          temporary.string() + ": cannot create symlink (" + error.message() + ")");
    }
    if (std::rename(temporary.c_str(), link.c_str()) != 0) {
        const std::string reason = errno_text();
        fs::remove(temporary, error);
        return make_error(ErrorKind::Failed, link.string() + ": cannot switch (" + reason + ")");
    }
    return Done{};
}

// The store lock: flock(2) on STORE/lock, held for the life of the object. flock locks are
// released by the kernel when the holder dies, so a writer killed with SIGKILL never leaves the
// store locked.
class StoreLock {
  public:
    static Result<StoreLock> take(const fs::path& root) {
        const fs::path file = root / "lock";
        const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0) {
            return make_error(ErrorKind::Failed, file.string() + ": cannot open the store lock (" +
                                                     errno_text() + ")");
        }
        while (::flock(fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                const std::string reason = errno_text();
                ::close(fd);
                return make_error(ErrorKind::Failed,
                                  file.string() + ": cannot lock (" + reason + ")");
            }
        }
        return StoreLock(fd);
    }
    StoreLock(StoreLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    StoreLock& operator=(StoreLock&&) = delete;
    ~StoreLock() {
        if (fd_ >= 0) {
            ::close(fd_);  // Releases the flock.
        }
    }

  private:
    explicit StoreLock(int fd) : fd_(fd) {}
    int fd_;
};

// A test hook, the fault-injection point between taking the lock and the version check: with
// PLACARD_TEST_COMMIT_PAUSE_MS set, a commit holds the lock that long before it checks, so
// that tests can line writers up in a chosen order.
void pause_for_tests() {
    if (const char* pause = std::getenv("PLACARD_TEST_COMMIT_PAUSE_MS")) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(pause)));
    }
}

std::optional<std::int64_t> read_number_file(const fs::path& file) {
    auto text = read_file(file, 64);
    if (!text) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    while (end > text->data() && (end[-1] == '\n' || end[-1] == ' ')) {
        --end;
    }
    const auto parsed = std::from_chars(text->data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end) {
        return std::nullopt;
    }
    return value;
}

fs::path resolve_link(const fs::path& root, const char* name) {
    std::error_code error;
    const fs::path target = fs::read_symlink(root / name, error);
    if (error || target.empty() || target.is_absolute()) {
        return {};
    }
    fs::path resolved = (root / target).lexically_normal();
    // Only folders of versions/ count: a link elsewhere is not the store's.
    if (resolved.parent_path() != (root / "versions").lexically_normal() ||
        !fs::is_directory(fs::symlink_status(resolved, error)) || error) {
        return {};
    }
    return resolved;
}

// Whether the process whose id begins `text` ("1234-…") still runs; a name that does not
// start with a process id counts as alive (left alone).
bool process_is_alive(const std::string& text) {
    int pid = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), pid);
    if (parsed.ec != std::errc() || pid <= 0) {
        return true;
    }
    return ::kill(pid, 0) == 0 || errno != ESRCH;
}

}  // namespace

bool sync_path(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

Status write_file_atomically(const fs::path& path, std::string_view contents) {
    const fs::path temporary = path.string() + ".tmp-" + unique_suffix();
    const int fd =
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return make_error(ErrorKind::Failed,
                          temporary.string() + ": cannot write (" + errno_text() + ")");
    }
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t step = ::write(fd, contents.data() + written, contents.size() - written);
        if (step < 0 && errno == EINTR) {
            continue;
        }
        if (step <= 0) {
            break;
        }
        written += static_cast<std::size_t>(step);
    }
    const bool complete = written == contents.size() && ::fsync(fd) == 0;
    const std::string reason = errno_text();
    ::close(fd);
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!complete || std::rename(temporary.c_str(), path.c_str()) != 0 || !sync_path(folder)) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return make_error(ErrorKind::Failed, path.string() + ": cannot write (" + reason + ")");
    }
    return Done{};
}

std::optional<std::int64_t> version_of_folder(const fs::path& version_dir) {
    const std::string name = version_dir.filename().string();
    if (name.size() < 2 || name[0] != 'v') {
        return std::nullopt;
    }
    const auto dash = name.find('-');
    if (dash == std::string::npos) {
        return std::nullopt;
    }
    std::int64_t version = 0;
    const auto parsed = std::from_chars(name.data() + 1, name.data() + dash, version);
    if (parsed.ec != std::errc() || parsed.ptr != name.data() + dash) {
        return std::nullopt;
    }
    return version;
}

// --- StagingArea ---

StagingArea::StagingArea(StagingArea&& other) noexcept
    : dir_(std::move(other.dir_)),
      lock_file_(std::move(other.lock_file_)),
      lock_fd_(std::exchange(other.lock_fd_, -1)) {}

StagingArea& StagingArea::operator=(StagingArea&& other) noexcept {
    if (this != &other) {
        release();
        dir_ = std::move(other.dir_);
        lock_file_ = std::move(other.lock_file_);
        lock_fd_ = std::exchange(other.lock_fd_, -1);
    }
    return *this;
}

StagingArea::~StagingArea() {
    release();
}

void StagingArea::release() {
    if (lock_fd_ < 0) {
        return;
    }
    std::error_code ignored;
    if (!dir_.empty()) {
        fs::remove_all(dir_, ignored);  // Gone already when committed (renamed into versions/).
    }
    fs::remove(lock_file_, ignored);
    ::close(lock_fd_);
    lock_fd_ = -1;
}

// --- ContentStore ---

ContentStore ContentStore::for_reading(const fs::path& root) {
    std::error_code error;
    const fs::path absolute = fs::absolute(root, error);
    return ContentStore((error ? root : absolute).lexically_normal());
}

Result<ContentStore> ContentStore::for_writing(const fs::path& root) {
    ContentStore store = for_reading(root);
    std::error_code error;
    fs::create_directories(store.root_ / "versions", error);
    if (!error) {
        fs::create_directories(store.root_ / "staging", error);
    }
    if (error) {
        return make_error(ErrorKind::Failed, root.string() + ": cannot create the content store (" +
                                                 error.message() + ")");
    }
    return store;
}

fs::path ContentStore::current() const {
    return resolve_link(root_, "current");
}

fs::path ContentStore::previous() const {
    return resolve_link(root_, "previous");
}

std::vector<fs::path> ContentStore::other_versions() const {
    const fs::path now = current(), before = previous();
    std::vector<std::pair<std::int64_t, fs::path>> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root_ / "versions", error)) {
        const auto version = version_of_folder(entry.path());
        if (version && entry.path() != now && entry.path() != before && entry.is_directory(error) &&
            !entry.is_symlink(error)) {
            found.emplace_back(*version, entry.path());
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a > b; });
    std::vector<fs::path> paths;
    paths.reserve(found.size());
    for (auto& [version, path] : found) {
        paths.push_back(std::move(path));
    }
    return paths;
}

std::optional<std::int64_t> ContentStore::current_version() const {
    const fs::path dir = current();
    return dir.empty() ? std::nullopt : version_of_folder(dir);
}

fs::path ContentStore::highest_version_file() const {
    fs::path root = root_;
    if (root.filename().empty()) {
        root = root.parent_path();
    }
    return root.parent_path() / (root.filename().string() + ".highest-version");
}

std::optional<std::int64_t> ContentStore::highest_version() const {
    const auto recorded = read_number_file(highest_version_file());
    const auto now = current_version();
    if (recorded && now) {
        return std::max(*recorded, *now);
    }
    return recorded ? recorded : now;
}

Result<StagingArea> ContentStore::begin_staging() const {
    const std::string name = "update-" + unique_suffix();
    const fs::path dir = root_ / "staging" / name;
    const fs::path lock_file = root_ / "staging" / (name + ".lock");
    // The lock file is locked before it has its name: a cleaner that sees the name always finds
    // it held (made under a hidden name, locked, then renamed; a lock survives a rename).
    const fs::path hidden = root_ / "staging" / ("." + name + ".lock");
    const int fd = ::open(hidden.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return make_error(ErrorKind::Failed,
                          hidden.string() + ": cannot create (" + errno_text() + ")");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0 ||
        std::rename(hidden.c_str(), lock_file.c_str()) != 0) {
        const std::string reason = errno_text();
        ::close(fd);
        std::error_code ignored;
        fs::remove(hidden, ignored);
        return make_error(ErrorKind::Failed,
                          lock_file.string() + ": cannot lock the staging folder (" + reason + ")");
    }
    StagingArea staging(dir, lock_file, fd);
    std::error_code error;
    fs::create_directories(dir / "media", error);
    if (error) {
        return make_error(ErrorKind::Failed,
                          dir.string() + ": cannot create (" + error.message() + ")");
    }
    return staging;
}

void ContentStore::remove_abandoned_staging() const {
    std::error_code error;
    const fs::path staging = root_ / "staging";
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(staging, error)) {
        entries.push_back(entry.path());
    }
    for (const fs::path& entry : entries) {
        const std::string name = entry.filename().string();
        if (name.starts_with(".")) {
            // A lock file being made (".update-PID-….lock"): its writer's, unless that is gone.
            if (!process_is_alive(name.substr(8))) {
                fs::remove(entry, error);
            }
            continue;
        }
        if (entry.extension() == ".lock") {
            continue;
        }
        const fs::path lock_file = entry.string() + ".lock";
        const int fd = ::open(lock_file.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
        // No lock file (the first format, or a writer killed between its two steps), or a lock
        // nobody holds: the writer is gone.
        const bool abandoned = fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) == 0;
        if (abandoned) {
            fs::remove_all(entry, error);
            fs::remove(lock_file, error);
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }
    // Lock files whose folder is gone and whose writer is gone too. Not those being made
    // (hidden, handled above by their writer's process id): until its writer locks it, such a
    // file's lock is free, and taking it here once removed a live writer's lock file.
    for (const fs::path& entry : entries) {
        if (entry.extension() != ".lock" || entry.filename().string().starts_with(".") ||
            fs::exists(fs::path(entry).replace_extension(), error)) {
            continue;
        }
        const int fd = ::open(entry.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            fs::remove(entry, error);
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }
    // Temporary files and symlinks of writers killed mid-write ("status.json.tmp-PID-…",
    // "current.new-PID-…").
    std::vector<fs::path> leftovers;
    for (const auto& entry : fs::directory_iterator(root_, error)) {
        const std::string name = entry.path().filename().string();
        for (const std::string_view marker : {".tmp-", ".new-"}) {
            if (const auto at = name.find(marker);
                at != std::string::npos && !process_is_alive(name.substr(at + marker.size()))) {
                leftovers.push_back(entry.path());
            }
        }
    }
    for (const fs::path& leftover : leftovers) {
        fs::remove(leftover, error);
    }
}

std::optional<Error> ContentStore::commit(
    StagingArea& staging, std::int64_t version,
    const std::function<void(UpdateStatus&)>& on_taken) const {
    const auto failed = [](std::string reason) {
        return make_error(ErrorKind::Failed, std::move(reason));
    };
    if (!sync_tree(staging.dir())) {
        return failed(staging.dir().string() + ": cannot sync to disk (" + errno_text() + ")");
    }
    auto lock = StoreLock::take(root_);
    if (!lock) {
        return std::move(lock).error();
    }
    pause_for_tests();
    // The check and the switch under one lock: no other writer can commit in between.
    if (const auto highest = highest_version(); highest && version <= *highest) {
        return make_error(ErrorKind::Stale, "version " + std::to_string(version) +
                                                " is not newer than the highest version taken, " +
                                                std::to_string(*highest));
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const std::string name =
        "v" + std::to_string(version) + "-" +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
    const fs::path final_dir = root_ / "versions" / name;
    if (std::rename(staging.dir().c_str(), final_dir.c_str()) != 0 ||
        !sync_path(root_ / "versions") || !sync_path(root_ / "staging")) {
        return failed(final_dir.string() + ": cannot store (" + errno_text() + ")");
    }
    staging.dir_.clear();  // It is a version now: not the staging area's to remove.
    std::error_code error;
    const fs::path old_target = fs::read_symlink(root_ / "current", error);
    const bool had_current = !error && !current().empty();
    if (auto switched = replace_symlink(root_ / "current", fs::path("versions") / name);
        !switched) {
        return std::move(switched).error();
    }
    if (had_current) {
        if (auto kept = replace_symlink(root_ / "previous", old_target); !kept) {
            return std::move(kept).error();
        }
    }
    if (!sync_path(root_)) {
        return failed(root_.string() + ": cannot sync to disk (" + errno_text() + ")");
    }
    // Remembered beside the store: a version once taken can never be replaced by a lower one,
    // even after the store is removed.
    (void)write_file_atomically(highest_version_file(), std::to_string(version) + "\n");
    // Keep current and previous; everything else goes.
    const fs::path keep_current = current(), keep_previous = previous();
    std::vector<fs::path> doomed;
    for (const auto& entry : fs::directory_iterator(root_ / "versions", error)) {
        if (entry.path() != keep_current && entry.path() != keep_previous) {
            doomed.push_back(entry.path());
        }
    }
    for (const fs::path& path : doomed) {
        fs::remove_all(path, error);
    }
    remove_abandoned_staging();
    UpdateStatus status = load_update_status(status_file());
    on_taken(status);
    (void)save_update_status(status_file(), status);
    return std::nullopt;
}

Status ContentStore::locked(const std::function<Status()>& work) const {
    auto lock = StoreLock::take(root_);
    if (!lock) {
        return lock.error();
    }
    return work();
}

Status ContentStore::record(const std::function<void(UpdateStatus&)>& change) const {
    auto lock = StoreLock::take(root_);
    if (!lock) {
        return lock.error();
    }
    UpdateStatus status = load_update_status(status_file());
    change(status);
    remove_abandoned_staging();  // Every lock holder cleans up, refusals too.
    return save_update_status(status_file(), status);
}

}  // namespace placard
