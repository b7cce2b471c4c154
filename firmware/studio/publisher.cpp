#include "studio/publisher.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "content/content_store.hpp"
#include "content/feed_signing.hpp"
#include "core/read_file.hpp"
#include "core/wall_time.hpp"
#include "runtime/log.hpp"
#include "runtime/sqlite_statement.hpp"
#include "studio/change_summary.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

// A studio feed is at most 8 MiB (what the API takes); a published one is that, numbered.
constexpr std::uint64_t kMaxFeedBytes = 64 * 1024 * 1024;

// Makes the rename of a folder entry durable (POSIX: the entry lives in the parent's data).
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

Status write_version_folder(const fs::path& folder, const std::vector<TarEntry>& files,
                            const std::string& signature) {
    std::error_code error;
    fs::remove_all(folder, error);
    for (const TarEntry& file : files) {
        const fs::path path = folder / file.path;
        fs::create_directories(path.parent_path(), error);
        if (auto written = write_file_atomically(path, file.data); !written) {
            return written.error();
        }
    }
    if (auto written = write_file_atomically(folder / kFeedSignatureFile, signature); !written) {
        return written.error();
    }
    sync_folder(folder / "media");
    sync_folder(folder);
    return Done{};
}

}  // namespace

Result<std::int64_t> Publisher::publish(std::vector<TarEntry> files, const std::string& publisher,
                                        const std::string& note, std::int64_t now,
                                        std::optional<std::int64_t> made_from) {
    std::lock_guard lock(publishing_);
    if (const auto current = current_version(); made_from && current != made_from) {
        return make_error(ErrorKind::Stale, "这项改动基于 v" + std::to_string(*made_from) +
                                                "，其间已发布了 v" +
                                                std::to_string(current.value_or(0)) + "：请重试");
    }
    const std::int64_t version = next_version();
    auto feed_file = std::find_if(files.begin(), files.end(),
                                  [](const TarEntry& file) { return file.path == "feed.json"; });
    if (feed_file == files.end()) {
        return make_error("publish: no feed.json");
    }
    auto feed = nlohmann::json::parse(feed_file->data, nullptr, false);
    if (!feed.is_object()) {
        return make_error("publish: feed.json is not a JSON object");
    }
    const auto previous = current_version();
    auto previous_feed = previous ? feed_text(*previous) : Result<std::string>(std::string());
    const nlohmann::json changes =
        describe_changes(previous_feed ? *previous_feed : std::string(), feed_file->data);
    feed["version"] = version;
    feed["generated"] = format_rfc3339(WallTime{now, system_wall_time().utc_offset_minutes});
    feed_file->data = feed.dump(2) + "\n";

    SigningTerms terms;
    terms.expires = static_cast<std::time_t>(now + kSignatureValidDays * 24 * 3600);
    auto signature = feed_signature_file(files, key_, terms);
    if (!signature) {
        return signature.error();
    }
    const fs::path published = data_ / "published";
    const fs::path part = published / (std::to_string(version) + ".part");
    if (auto written = write_version_folder(part, files, *signature); !written) {
        return written.error();
    }
    std::error_code error;
    fs::rename(part, version_folder(version), error);
    if (error) {
        return make_error(ErrorKind::Failed, "publish: cannot put version " +
                                                 std::to_string(version) +
                                                 " in place: " + error.message());
    }
    // `current` moves by renaming a new link over it: atomic, so readers see one or the other.
    const fs::path next_link = published / "current.next";
    fs::remove(next_link, error);
    fs::create_directory_symlink(std::to_string(version), next_link, error);
    if (!error) {
        fs::rename(next_link, published / "current", error);
    }
    if (error) {
        return make_error(ErrorKind::Failed, "publish: cannot make version " +
                                                 std::to_string(version) +
                                                 " current: " + error.message());
    }
    sync_folder(published);
    SqliteStatement insert(db_.handle(),
                           "INSERT INTO versions (version, published, publisher, note, changes) "
                           "VALUES (?, ?, ?, ?, ?)");
    sqlite3_bind_int64(insert.get(), 1, version);
    sqlite3_bind_int64(insert.get(), 2, now);
    sqlite3_bind_text(insert.get(), 3, publisher.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.get(), 4, note.c_str(), -1, SQLITE_TRANSIENT);
    const std::string changes_text = changes.dump();
    sqlite3_bind_text(insert.get(), 5, changes_text.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert.get()) != SQLITE_DONE) {
        // The version is live (`current` moved): say so, but it is published all the same.
        log_warning(
            "studio: publish: version " + std::to_string(version) +
            " is on the screens' feed but not in the history: " + sqlite3_errmsg(db_.handle()));
    }
    return version;
}

// One more than any version there has been: the highest of `current` and every version folder
// (one left by a publish that failed before `current` moved must not be reused, or every later
// publish would fail on it).
std::int64_t Publisher::next_version() const {
    std::int64_t highest = current_version().value_or(0);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data_ / "published", error)) {
        const std::string name = entry.path().filename().string();
        if (!name.empty() && name.size() <= 18 &&
            name.find_first_not_of("0123456789") == std::string::npos) {
            highest = std::max<std::int64_t>(highest, std::stoll(name));
        }
    }
    return highest + 1;
}

std::optional<std::int64_t> Publisher::current_version() const {
    std::error_code error;
    const fs::path target = fs::read_symlink(data_ / "published" / "current", error);
    if (error) {
        return std::nullopt;
    }
    const std::string name = target.filename().string();
    if (name.empty() || name.size() > 18 ||
        name.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::stoll(name);
}

fs::path Publisher::version_folder(std::int64_t version) const {
    return data_ / "published" / std::to_string(version);
}

Result<std::optional<std::time_t>> Publisher::renew_signature(std::int64_t now) {
    std::lock_guard lock(publishing_);
    const auto version = current_version();
    if (!version) {
        return std::optional<std::time_t>();
    }
    const fs::path folder = version_folder(*version);
    auto signature = read_file(folder / kFeedSignatureFile, 1024 * 1024);
    if (!signature) {
        return signature.error();
    }
    auto parts = split_feed_signature(*signature, kFeedSignatureFile);
    auto manifest = parts ? parse_manifest(parts->manifest, kFeedSignatureFile)
                          : Result<Manifest>(parts.error());
    if (!manifest) {
        return manifest.error();
    }
    if (manifest->expires - now > kRenewSignatureDays * 24 * 3600) {
        return std::optional<std::time_t>();
    }
    auto files = bundle_folder_files(folder);
    if (!files) {
        return files.error();
    }
    SigningTerms terms;
    terms.site = manifest->site;
    terms.expires = static_cast<std::time_t>(now + kSignatureValidDays * 24 * 3600);
    auto renewed = feed_signature_file(std::move(*files), key_, terms);
    if (!renewed) {
        return renewed.error();
    }
    if (auto written = write_file_atomically(folder / kFeedSignatureFile, *renewed); !written) {
        return written.error();
    }
    return std::optional<std::time_t>(terms.expires);
}

Result<std::string> Publisher::feed_text(std::int64_t version) const {
    return read_file(version_folder(version) / "feed.json", kMaxFeedBytes);
}

std::vector<PublishedVersion> Publisher::history() const {
    std::vector<PublishedVersion> versions;
    SqliteStatement query(db_.handle(),
                          "SELECT version, published, publisher, note, changes FROM versions "
                          "ORDER BY version DESC");
    while (query && sqlite3_step(query.get()) == SQLITE_ROW) {
        const auto changes = nlohmann::json::parse(column_text(query.get(), 4), nullptr, false);
        versions.push_back(PublishedVersion{
            sqlite3_column_int64(query.get(), 0), sqlite3_column_int64(query.get(), 1),
            column_text(query.get(), 2), column_text(query.get(), 3),
            changes.is_array() ? changes.get<std::vector<std::string>>()
                               : std::vector<std::string>()});
    }
    return versions;
}

}  // namespace placard
