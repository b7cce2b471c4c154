// SHA-256 of bytes and files (libsodium), as lower-case hex: what a feed's "sha256" fields hold.
#pragma once

#include <sodium/crypto_hash_sha256.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

std::string sha256_hex(std::string_view bytes);

// SHA-256 of data that arrives in pieces (a bundle's entry as it streams past).
class Sha256 {
  public:
    Sha256();
    void update(std::string_view piece);
    std::string hex_digest();  // Once, at the end.

  private:
    crypto_hash_sha256_state state_;
};
Result<std::string> sha256_of_file(const std::filesystem::path& path);

}  // namespace placard
