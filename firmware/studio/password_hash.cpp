#include "studio/password_hash.hpp"

#include <sodium.h>

#include <mutex>

#include "core/utf8.hpp"

namespace placard {

namespace {

constexpr std::size_t kMinPasswordBytes = 10;
constexpr std::size_t kMaxPasswordBytes = 1024;

std::mutex& hashing() {
    static std::mutex one_at_a_time;
    return one_at_a_time;
}

}  // namespace

Status check_password_rules(std::string_view password) {
    if (password.size() < kMinPasswordBytes) {
        return make_error("the password is shorter than " + std::to_string(kMinPasswordBytes) +
                          " bytes");
    }
    if (password.size() > kMaxPasswordBytes) {
        return make_error("the password is longer than " + std::to_string(kMaxPasswordBytes) +
                          " bytes");
    }
    if (!utf8::is_valid(password)) {
        return make_error("the password is not UTF-8 text");
    }
    return Done{};
}

Result<std::string> hash_password(std::string_view password) {
    if (auto rules = check_password_rules(password); !rules) {
        return rules.error();
    }
    if (sodium_init() < 0) {
        return make_error(ErrorKind::Failed, "libsodium cannot start");
    }
    char stored[crypto_pwhash_STRBYTES];
    std::lock_guard lock(hashing());
    if (crypto_pwhash_str_alg(
            stored, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return make_error(ErrorKind::Failed, "not enough memory to hash the password");
    }
    return std::string(stored);
}

bool password_matches(const std::string& stored_hash, std::string_view password) {
    if (password.size() > kMaxPasswordBytes || stored_hash.empty() ||
        stored_hash.size() >= crypto_pwhash_STRBYTES || sodium_init() < 0) {
        return false;
    }
    std::lock_guard lock(hashing());
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace placard
