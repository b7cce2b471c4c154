// Reading a whole file with a size limit: every file Placard reads from a bundle, the store or
// the configuration is bounded, so a huge or endless file (a FIFO, /dev/zero) costs nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace placard {

// Reads a whole regular file, refusing anything over `max_bytes` ("where: what" on failure).
Result<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace placard
