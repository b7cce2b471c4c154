// Publishing: each version the studio publishes is a signed feed folder of its own,
//
//     DATA/published/N/feed.json        the content, "version": N
//     DATA/published/N/feed.json.sig    its signature (content/feed_signing.hpp)
//     DATA/published/N/media/…          the images it names
//     DATA/published/current            a symbolic link to N, replaced atomically
//
// A version folder is written whole under another name, synced, then renamed into place, and
// only then does `current` move to it: a screen polling /feed/ during a publish reads the old
// version or the new one, never a mix. Published folders are never changed again, which is
// what makes rollback (republishing an old version's files as a new version) exact.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/signed_manifest.hpp"
#include "content/tar_archive.hpp"
#include "core/result.hpp"
#include "studio/studio_database.hpp"

namespace placard {

inline constexpr long kSignatureValidDays = 90;
// A signature with fewer days than this left is renewed (renew_signature).
inline constexpr long kRenewSignatureDays = 30;

struct PublishedVersion {
    std::int64_t version = 0;
    std::int64_t published = 0;  // Unix seconds.
    std::string publisher;
    std::string note;
    std::vector<std::string> changes;  // Since the version before (change_summary.hpp).
};

class Publisher {
  public:
    Publisher(std::filesystem::path data, const SigningKey& key, StudioDatabase& db)
        : data_(std::move(data)), key_(key), db_(db) {}

    // Publishes `files` (feed.json and its media/ files) as the next version, signed; the
    // feed's "version" and "generated" are set here. Returns the new version number. With
    // `made_from`: refused as Stale unless that version is still the current one, checked under
    // the lock every publish takes (two publishes made from one version: the second would undo
    // the first unseen).
    Result<std::int64_t> publish(std::vector<TarEntry> files, const std::string& publisher,
                                 const std::string& note, std::int64_t now,
                                 std::optional<std::int64_t> made_from = std::nullopt);
    // The version `current` points at; nothing before the first publish.
    std::optional<std::int64_t> current_version() const;
    std::filesystem::path version_folder(std::int64_t version) const;
    // The feed.json text of a published version.
    Result<std::string> feed_text(std::int64_t version) const;
    // Signs the current version again, its files and number unchanged, when its signature ends
    // within kRenewSignatureDays: a studio nobody published from for months still serves a feed
    // a new screen takes (screens refuse an expired signature). The new expiry, or nothing when
    // the signature had longer to run. Only feed.json.sig changes, atomically: any screen reads
    // the old signature or the new one, each good for the same files.
    Result<std::optional<std::time_t>> renew_signature(std::int64_t now);
    std::vector<PublishedVersion> history() const;

  private:
    std::int64_t next_version() const;

    std::filesystem::path data_;
    SigningKey key_;
    StudioDatabase& db_;
    std::mutex publishing_;
};

}  // namespace placard
