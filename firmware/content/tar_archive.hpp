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

// `origin` names the archive in messages ("bundle.placard: media/../x: ...").
Result<std::vector<TarEntry>> read_tar(std::string_view archive, std::string_view origin,
                                       const TarLimits& limits = {});
// Regular files only; paths must fit ustar's 100 + 155 byte name fields.
Result<std::string> write_tar(const std::vector<TarEntry>& entries);

}  // namespace placard
