#include "content/bundle_importer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "content/bundle_signature.hpp"
#include "content/notice_register.hpp"
#include "content/sha256.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxManifestBytes = 1024 * 1024;
constexpr std::uint64_t kMaxSignatureBytes = 4096;

// A write into the staging folder that failed: the device's fault (a full disk, a read-only or
// failing one, no file descriptors: tried again later) or the bundle's own (names that collide
// — "media" the file and "media/a.png" — or are too long: never better on a second try).
Error staging_write_error(const std::string& relative, int error_number) {
    const bool device_fault =
        error_number == ENOSPC || error_number == EDQUOT || error_number == EIO ||
        error_number == EROFS || error_number == EMFILE || error_number == ENFILE ||
        error_number == ENOMEM || error_number == EACCES || error_number == EPERM;
    return make_error(device_fault ? ErrorKind::Failed : ErrorKind::Invalid,
                      relative + ": cannot write (" + std::strerror(error_number) + ")");
}

// A new file in the staging folder, its folders made first; never through a symlink.
Result<int> create_staged_file(const fs::path& dir, const std::string& relative) {
    const fs::path target = dir / relative;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    const int fd =
        ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return staging_write_error(relative, errno);
    }
    return fd;
}

Status write_all(int fd, std::string_view data, const std::string& relative) {
    while (!data.empty()) {
        const ssize_t written = ::write(fd, data.data(), data.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return staging_write_error(relative, written < 0 ? errno : ENOSPC);
        }
        data.remove_prefix(static_cast<std::size_t>(written));
    }
    return Done{};
}

// A notice file, unpacked and verified: exactly one notice.json, into the notice register.
UpdateOutcome take_notice_file(const fs::path& dir, const Manifest& manifest,
                               const ContentStore& store, const TrustPolicy& policy,
                               const std::string& origin, const std::string& source) {
    if (manifest.files.size() != 1 || manifest.files.front().path != kNoticeEntry) {
        return record_refusal(
            store, make_error(origin + ": a notice file holds notice.json and nothing else"),
            source);
    }
    auto text = read_file(dir / kNoticeEntry, 64 * 1024);
    if (!text) {
        return record_refusal(store, with_context(std::move(text).error(), origin), source);
    }
    return take_notice(store, manifest, *text, policy, std::time(nullptr), origin, source);
}

}  // namespace

Result<std::optional<Manifest>> unpack_signed_bundle(const fs::path& file, const fs::path& dir,
                                                     const TrustPolicy& policy, std::time_t now,
                                                     const BundleImportLimits& limits,
                                                     std::string_view origin) {
    const std::string where(origin);
    std::error_code error;
    const auto status = fs::symlink_status(file, error);
    if (error || !fs::is_regular_file(status)) {
        return make_error(where + ": not a regular file");
    }
    const auto size = fs::file_size(file, error);
    if (error) {
        return make_error(ErrorKind::Failed,
                          where + ": cannot read its size (" + error.message() + ")");
    }
    if (size > limits.max_bundle_bytes) {
        return make_error(ErrorKind::TooLarge,
                          where + ": " + std::to_string(size) + " bytes, more than the " +
                              std::to_string(limits.max_bundle_bytes) + "-byte limit");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return make_error(ErrorKind::Failed, where + ": cannot open for reading");
    }
    TarReader reader(in, where, limits.archive);
    auto first = reader.next();
    if (!first) {
        return first.error();
    }
    if (!*first || (*first)->path != kManifestEntry) {
        return make_error(where + ": MANIFEST is not the first entry (not a Placard bundle)");
    }
    auto manifest_bytes = reader.read_all(kMaxManifestBytes);
    if (!manifest_bytes) {
        return manifest_bytes.error();
    }
    auto next = reader.next();
    if (!next) {
        return next.error();
    }
    std::optional<std::string> signature;
    if (*next && (*next)->path == kSignatureEntry) {
        auto bytes = reader.read_all(kMaxSignatureBytes);
        if (!bytes) {
            return bytes.error();
        }
        signature = std::move(bytes.value());
        next = reader.next();
        if (!next) {
            return next.error();
        }
    }
    std::optional<std::string_view> signature_view;
    if (signature) {
        signature_view = *signature;
    }
    auto manifest = verify_manifest(*manifest_bytes, signature_view, policy, now,
                                    {SignedKind::Bundle, SignedKind::Notice}, where);
    if (!manifest) {
        return manifest.error();
    }
    std::vector<bool> seen(manifest->files.size(), false);
    while (true) {
        if (!next) {
            return next.error();
        }
        if (!*next) {
            break;
        }
        const std::string& path = (*next)->path;
        const std::string named = utf8::escape_for_message(path);
        const ManifestFile* listed = manifest->find(path);
        if (listed == nullptr) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + named + ": not in the manifest");
        }
        if ((*next)->size != listed->size) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + named + ": does not match the manifest (size)");
        }
        seen[static_cast<std::size_t>(listed - manifest->files.data())] = true;
        auto fd = create_staged_file(dir, path);
        if (!fd) {
            return with_context(std::move(fd).error(), where);
        }
        Sha256 hash;
        Status copied = reader.read_data([&](std::string_view piece) {
            hash.update(piece);
            return write_all(*fd, piece, named);
        });
        ::close(*fd);
        if (!copied) {
            return copied.error();
        }
        if (hash.hex_digest() != listed->sha256) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + named + ": does not match the manifest");
        }
        next = reader.next();
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (!seen[i]) {
            return make_error(ErrorKind::Unauthentic,
                              where + ": " + utf8::escape_for_message(manifest->files[i].path) +
                                  ": in the manifest but missing");
        }
    }
    if (!signature) {
        return std::optional<Manifest>();  // Unsigned (allowed): the feed's own hashes count.
    }
    return std::optional<Manifest>(std::move(manifest.value()));
}

UpdateOutcome import_bundle_file(const fs::path& file, const ContentStore& store,
                                 const TrustPolicy& policy, const BundleInspector& inspect,
                                 const BundleImportLimits& limits) {
    const std::string origin = utf8::escape_for_message(file.filename().string());
    const std::string source = "bundle " + origin;
    // Room for the bundle unpacked, with some to spare: a full disk is this device's fault, not
    // the bundle's, and worth trying again later.
    std::error_code error;
    const auto bytes = std::filesystem::file_size(file, error);
    const auto space = std::filesystem::space(store.root(), error);
    if (!error && space.available < bytes + 16 * 1024 * 1024) {
        return record_refusal(
            store,
            make_error(ErrorKind::Failed, origin + ": not enough room in the store (" +
                                              std::to_string(space.available) + " bytes free)"),
            source);
    }
    auto staging = store.begin_staging();
    if (!staging) {
        return record_refusal(store, std::move(staging).error(), source);
    }
    auto manifest =
        unpack_signed_bundle(file, staging->dir(), policy, std::time(nullptr), limits, origin);
    if (!manifest) {
        return record_refusal(store, std::move(manifest).error(), source);
    }
    if (manifest.value() && manifest.value()->kind == SignedKind::Notice) {
        return take_notice_file(staging->dir(), **manifest, store, policy, origin, source);
    }
    StagedUpdate update{std::move(staging.value()), std::move(manifest.value()), origin, source};
    return finish_staged_update(store, std::move(update), policy, inspect);
}

}  // namespace placard
