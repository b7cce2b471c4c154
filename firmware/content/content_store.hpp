// Content versions on disk, switched atomically, surviving power cuts and concurrent writers.
//
//     STORE/versions/v42-1764057600123/   feed.json + media/…, complete before it is named
//     STORE/current  -> versions/v42-…     what the player shows (a symlink)
//     STORE/previous -> versions/v41-…     the last known good version before it
//     STORE/staging/update-…/              an update being assembled, one folder per writer,
//     STORE/staging/update-….lock          held (flock) by its writer while it works
//     STORE/lock                           the store lock (flock), held by whoever commits
//     STORE/status.json                    what came from where, and the last error
//     STORE.highest-version                the highest version ever taken (beside the store, so
//                                          that a store removed by hand does not reopen rollback)
//
// The rules (ARCHITECTURE.md, "Store"): one writer at a time commits, under the store lock —
// the version check, the switch, the pruning and the status all happen inside it, so a check
// can never be overtaken by another writer's commit. Readers (the player, `placard-tool
// status`) never write, not even to clean up. Updates are assembled in a staging folder of
// their own, so writers do not meet until they commit; staging folders of writers that are
// gone (their lock is free) are removed by the next lock holder. `version` only grows past the
// highest ever taken. `current` and `previous` are never pruned.
//
// A commit: every file and folder of the update fsync'ed, the folder renamed into versions/,
// `current` replaced by renaming a new symlink over it (rename(2) is atomic), the store
// fsync'ed. A power cut at any point leaves `current` naming a complete version, old or new.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/update_status.hpp"
#include "core/result.hpp"

namespace placard {

// An update being assembled: a folder only its writer uses. Removed when dropped, unless it
// was committed.
class StagingArea {
  public:
    StagingArea(StagingArea&& other) noexcept;
    StagingArea& operator=(StagingArea&& other) noexcept;
    StagingArea(const StagingArea&) = delete;
    StagingArea& operator=(const StagingArea&) = delete;
    ~StagingArea();

    const std::filesystem::path& dir() const { return dir_; }

  private:
    friend class ContentStore;
    StagingArea(std::filesystem::path dir, std::filesystem::path lock_file, int lock_fd)
        : dir_(std::move(dir)), lock_file_(std::move(lock_file)), lock_fd_(lock_fd) {}
    void release();
    std::filesystem::path dir_, lock_file_;
    int lock_fd_ = -1;
};

class ContentStore {
  public:
    // For readers (the player, `placard-tool status`): creates, cleans and locks nothing.
    static ContentStore for_reading(const std::filesystem::path& root);
    // For writers (the content service, `import`, `fetch`): creates the store's folders.
    static Result<ContentStore> for_writing(const std::filesystem::path& root);

    const std::filesystem::path& root() const { return root_; }
    // The folder `current` names right now (resolved: a later switch does not change it), or
    // empty when there is none.
    std::filesystem::path current() const;
    std::filesystem::path previous() const;
    // The other complete versions kept, newest first (neither current nor previous).
    std::vector<std::filesystem::path> other_versions() const;
    std::optional<std::int64_t> current_version() const;
    // The highest version ever taken (the persisted record, or current's, whichever is higher).
    std::optional<std::int64_t> highest_version() const;

    // A new, empty folder of this writer's own to assemble an update in.
    Result<StagingArea> begin_staging() const;

    // Under the store lock: refuses a version not above the highest ever taken; else makes the
    // staged folder current (the old current becomes previous), records the highest version,
    // prunes, removes abandoned staging, and applies `on_taken` to the status. Nothing when
    // taken, the refusal otherwise: Stale for an old version, Failed for a fault of this device
    // (the staged folder is then left to its owner).
    std::optional<Error> commit(StagingArea& staging, std::int64_t version,
                                const std::function<void(UpdateStatus&)>& on_taken) const;
    // Read, change and write status.json under the store lock, so that two writers' records
    // do not overwrite each other.
    Status record(const std::function<void(UpdateStatus&)>& change) const;
    // Runs `work` under the store lock (the notice register's read-change-write).
    Status locked(const std::function<Status()>& work) const;
    // Removes the staging folders of writers that are gone (under the store lock).
    void remove_abandoned_staging() const;

    std::filesystem::path status_file() const { return root_ / "status.json"; }
    std::filesystem::path highest_version_file() const;

  private:
    explicit ContentStore(std::filesystem::path root) : root_(std::move(root)) {}
    std::filesystem::path root_;
};

// fsync for a file or folder; false with errno set on failure.
bool sync_path(const std::filesystem::path& path);
// Writes `contents` to `path` atomically: a temporary file of this process's own, fsync,
// rename, fsync of the folder.
Status write_file_atomically(const std::filesystem::path& path, std::string_view contents);
// The version a store folder name carries ("v42-…" → 42).
std::optional<std::int64_t> version_of_folder(const std::filesystem::path& version_dir);

}  // namespace placard
