#include "content/content_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

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

// Points the symlink `link` at `target` atomically: a new symlink renamed over the old one.
Status replace_symlink(const fs::path& link, const fs::path& target) {
    const fs::path temporary = link.string() + ".new";
    std::error_code error;
    fs::remove(temporary, error);
    fs::create_symlink(target, temporary, error);
    if (error) {
        return make_error(temporary.string() + ": cannot create symlink (" + error.message() + ")");
    }
    if (std::rename(temporary.c_str(), link.c_str()) != 0) {
        return make_error(link.string() + ": cannot switch (" + errno_text() + ")");
    }
    return Done{};
}

std::optional<std::int64_t> version_of(const fs::path& version_dir) {
    const std::string name = version_dir.filename().string();
    if (name.size() < 2 || name[0] != 'v') {
        return std::nullopt;
    }
    const auto dash = name.find('-');
    try {
        return std::stoll(name.substr(1, dash - 1));
    } catch (...) {
        return std::nullopt;
    }
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
    const fs::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        out.flush();
        if (!out) {
            return make_error(temporary.string() + ": cannot write (" + errno_text() + ")");
        }
    }
    if (!sync_path(temporary) || std::rename(temporary.c_str(), path.c_str()) != 0 ||
        !sync_path(path.parent_path())) {
        return make_error(path.string() + ": cannot write (" + errno_text() + ")");
    }
    return Done{};
}

Result<ContentStore> ContentStore::open(const fs::path& root) {
    std::error_code error;
    fs::create_directories(root / "versions", error);
    if (!error) {
        fs::create_directories(root / "staging", error);
    }
    if (error) {
        return make_error(root.string() + ": cannot create the content store (" + error.message() +
                          ")");
    }
    // Whatever an interrupted update left in staging is incomplete by definition.
    for (const auto& entry : fs::directory_iterator(root / "staging", error)) {
        fs::remove_all(entry.path(), error);
    }
    fs::remove(root / "current.new", error);
    fs::remove(root / "previous.new", error);
    return ContentStore(fs::absolute(root));
}

fs::path ContentStore::current() const {
    std::error_code error;
    const fs::path link = root_ / "current";
    if (!fs::is_symlink(link, error) || !fs::is_directory(link, error)) {
        return {};
    }
    return link;
}

fs::path ContentStore::previous() const {
    std::error_code error;
    const fs::path link = root_ / "previous";
    return fs::is_directory(link, error) ? link : fs::path();
}

std::optional<std::int64_t> ContentStore::current_version() const {
    std::error_code error;
    const fs::path target = fs::read_symlink(root_ / "current", error);
    return error ? std::nullopt : version_of(target);
}

Result<fs::path> ContentStore::begin_staging() const {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    const fs::path dir = root_ / "staging" / ("update-" + std::to_string(stamp));
    std::error_code error;
    fs::create_directories(dir / "media", error);
    if (error) {
        return make_error(dir.string() + ": cannot create (" + error.message() + ")");
    }
    return dir;
}

Status ContentStore::commit(const fs::path& staging, std::int64_t version) const {
    if (!sync_tree(staging)) {
        return make_error(staging.string() + ": cannot sync to disk (" + errno_text() + ")");
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const std::string name =
        "v" + std::to_string(version) + "-" +
        std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
    const fs::path final_dir = root_ / "versions" / name;
    if (std::rename(staging.c_str(), final_dir.c_str()) != 0 || !sync_path(root_ / "versions") ||
        !sync_path(root_ / "staging")) {
        return make_error(final_dir.string() + ": cannot store (" + errno_text() + ")");
    }
    std::error_code error;
    const fs::path old_target = fs::read_symlink(root_ / "current", error);
    const bool had_current = !error;
    if (auto switched = replace_symlink(root_ / "current", fs::path("versions") / name);
        !switched) {
        return switched;
    }
    if (had_current) {
        if (auto kept = replace_symlink(root_ / "previous", old_target); !kept) {
            return kept;
        }
    }
    if (!sync_path(root_)) {
        return make_error(root_.string() + ": cannot sync to disk (" + errno_text() + ")");
    }
    // Keep current and previous; everything older goes.
    const fs::path keep_previous = fs::read_symlink(root_ / "previous", error).filename();
    for (const auto& entry : fs::directory_iterator(root_ / "versions", error)) {
        const fs::path entry_name = entry.path().filename();
        if (entry_name != name && entry_name != keep_previous) {
            fs::remove_all(entry.path(), error);
        }
    }
    return Done{};
}

}  // namespace placard
