// A strict reader and a small writer for POSIX ustar archives (POSIX.1-2001 "pax" layout
// without extensions): the container of a signed content bundle.
//
// The reader accepts only what a bundle needs and says exactly what else it found: regular
// files with relative, normalized, UTF-8 paths inside the archive. Symlinks, hard links,
// devices, FIFOs, absolute paths, "..", duplicate names, sizes past the limits, a total that
// expands far beyond the archive, checksum errors and a truncated archive are each refused
// with the entry and the reason.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

struct TarEntry {
    std::string path;
    std::string data;
};

struct TarLimits {
    std::size_t max_entries = 1000;
    std::uint64_t max_entry_bytes = 16 * 1024 * 1024;
    std::uint64_t max_total_bytes = 256 * 1024 * 1024;
};

// Reads an archive entry by entry from a stream, holding one block at a time: a bundle is
// verified and unpacked straight from its file, never held whole in memory.
class TarReader {
  public:
    struct Header {
        std::string path;  // Normalized, checked (relative, inside, UTF-8).
        std::uint64_t size = 0;
    };
    // `origin` names the archive in messages ("bundle.placard: media/../x: ...").
    TarReader(std::istream& in, std::string origin, TarLimits limits = {});
    // The next regular file's header (directories are skipped), nothing at the end of the
    // archive. The data of the entry before, if not read, is skipped.
    Result<std::optional<Header>> next();
    // Hands the current entry's data to `sink` in pieces of at most 64 KiB; a sink's error
    // stops the reading and is returned.
    Status read_data(const std::function<Status(std::string_view)>& sink);
    // The current entry's data whole, if it is at most `max_bytes`.
    Result<std::string> read_all(std::uint64_t max_bytes);
    const std::string& origin() const { return origin_; }

  private:
    Status skip_rest();
    std::istream& in_;
    std::string origin_;
    TarLimits limits_;
    std::vector<std::string> names_;
    std::uint64_t total_ = 0;
    std::uint64_t remaining_ = 0;  // Unread data of the current entry...
    std::uint64_t padding_ = 0;    // ...and the padding to its block boundary.
    std::string current_;
};

// The whole archive in memory (small archives: tests, the fuzzer, `verify`).
Result<std::vector<TarEntry>> read_tar(std::string_view archive, std::string_view origin,
                                       const TarLimits& limits = {});
// Regular files only; paths must fit ustar's 100 + 155 byte name fields.
Result<std::string> write_tar(const std::vector<TarEntry>& entries);

}  // namespace placard
