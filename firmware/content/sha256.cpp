#include "content/sha256.hpp"

#include <sodium.h>

#include <fstream>

namespace placard {
namespace {

std::string to_hex(const unsigned char* digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(crypto_hash_sha256_BYTES * 2, '0');
    for (std::size_t i = 0; i < crypto_hash_sha256_BYTES; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0xF];
    }
    return hex;
}

}  // namespace

Sha256::Sha256() {
    crypto_hash_sha256_init(&state_);
}

void Sha256::update(std::string_view piece) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(piece.data()),
                              piece.size());
}

std::string Sha256::hex_digest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    return to_hex(digest);
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return to_hex(digest);
}

Result<std::string> sha256_of_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error(ErrorKind::Failed, path.string() + ": cannot open");
    }
    Sha256 hash;
    char buffer[65536];
    while (in) {
        in.read(buffer, sizeof buffer);
        hash.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) {
        return make_error(ErrorKind::Failed, path.string() + ": read error");
    }
    return hash.hex_digest();
}

}  // namespace placard
