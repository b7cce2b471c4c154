// Content versions on disk, switched atomically, surviving power cuts.
//
//     STORE/versions/v42-1764057600123/   feed.json + media/…, complete before it is named
//     STORE/current  -> versions/v42-…     what the player shows (a symlink)
//     STORE/previous -> versions/v41-…     the last known good version before it
//     STORE/staging/…                      an update being assembled
//     STORE/status.json                    what came from where, and the last error
//
// An update is assembled in staging, every file and folder fsync'ed, renamed into versions/,
// and `current` is replaced by renaming a new symlink over it (rename(2) is atomic), then the
// store folder is fsync'ed. A power cut at any point leaves `current` naming a complete
// version, old or new; leftovers in staging/ are removed at the next open. Versions other than
// current and previous are pruned.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace placard {

class ContentStore {
  public:
    // Creates the store's folders if needed and clears what an interrupted update left.
    static Result<ContentStore> open(const std::filesystem::path& root);

    const std::filesystem::path& root() const { return root_; }
    // The folder of the current version (through the symlink), or empty when there is none.
    std::filesystem::path current() const;
    std::filesystem::path previous() const;
    // The version number of the current content, or nothing.
    std::optional<std::int64_t> current_version() const;

    // A new, empty folder to assemble an update in.
    Result<std::filesystem::path> begin_staging() const;
    // Makes the assembled folder the current version, keeping the old one as previous.
    Status commit(const std::filesystem::path& staging, std::int64_t version) const;

    std::filesystem::path status_file() const { return root_ / "status.json"; }

  private:
    explicit ContentStore(std::filesystem::path root) : root_(std::move(root)) {}
    std::filesystem::path root_;
};

// fsync for a file or folder; false with errno set on failure.
bool sync_path(const std::filesystem::path& path);
// Writes `contents` to `path` atomically: a temporary file, fsync, rename, fsync of the folder.
Status write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace placard
