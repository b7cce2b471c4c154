// The images the studio's content uses, each kept once by its SHA-256 (DATA/media/SHA256) and
// listed in studio.db's `media` table under the name feeds use for it (media/NAME). The demo's
// images come in under their own names; an upload is named by the start of its hash, so the
// same picture uploaded twice is one file, and a name never changes what it shows.
//
// An upload is checked as the screens' pipeline checks a bundle's images: a PNG or JPEG (by its
// first bytes, whatever the name says), decoded whole within the screen's limits
// (render/image_decoder.hpp: 8192 px a side, 32 Mpx).
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "content/bundle_reader.hpp"
#include "core/result.hpp"
#include "studio/studio_database.hpp"

namespace placard {

struct MediaItem {
    std::string name;  // As feeds name it, under media/: "banner-1.png", "3f2a….jpg".
    std::string sha256;
    std::int64_t size = 0;
    int width = 0, height = 0;
    std::string added_by;
    std::int64_t added = 0;
};

// As large as an image a screen takes (BundleLimits::max_media_bytes): one larger would be
// taken here and refused when the draft is saved.
inline constexpr std::uint64_t kMaxUploadBytes = BundleLimits{}.max_media_bytes;
// What the library holds at most (a quota, so that uploads cannot fill the studio's disk).
inline constexpr std::int64_t kMaxLibraryImages = 2000;
inline constexpr std::int64_t kMaxLibraryBytes = 2LL * 1024 * 1024 * 1024;

class MediaLibrary {
  public:
    MediaLibrary(std::filesystem::path data, StudioDatabase& db)
        : data_(std::move(data)), db_(db) {}

    // Takes the image in `file` (an upload spooled to disk; moved into the library, or removed
    // when refused). The reason of a refusal is one line an admin can act on.
    Result<MediaItem> add_upload(const std::filesystem::path& file, const std::string& user,
                                 std::int64_t now);
    // Takes a file under its own name (the demo's images, when a data folder is new).
    Result<MediaItem> add_named(const std::filesystem::path& file, const std::string& name,
                                const std::string& user, std::int64_t now);
    std::vector<MediaItem> list() const;
    // Hard-links every image into FOLDER/media/NAME, for a folder to check, preview or publish.
    Status link_into(const std::filesystem::path& folder) const;
    std::filesystem::path spool() const { return data_ / "incoming"; }

  private:
    Status check_room() const;
    Result<MediaItem> add(const std::filesystem::path& file, std::string name,
                          const std::string& user, std::int64_t now);

    std::filesystem::path data_;
    StudioDatabase& db_;
    std::mutex decoding_;
};

}  // namespace placard
