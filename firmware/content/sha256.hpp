// SHA-256 of bytes and files (libsodium), as lower-case hex: what a feed's "sha256" fields hold.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

std::string sha256_hex(std::string_view bytes);
Result<std::string> sha256_of_file(const std::filesystem::path& path);

}  // namespace placard
