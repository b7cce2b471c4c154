// Limits password guessing at the sign-in form (OWASP's authentication guidance: throttle by
// account and by source) without letting a stranger lock an admin out. Five attempts for one
// user name from one address within 15 minutes, or twenty from one address for any names, and
// that address (for that name) waits until the oldest of them is 15 minutes old; the form then
// answers 429 with Retry-After (RFC 6585 §4) without checking the password. The name alone is
// never locked: anyone can type an admin's name, and the admin must still get in from their own
// desk. Guessing from many addresses at once is slowed by Argon2id (one check at a time,
// password_hash.hpp) rather than by refusing the right person.
//
// An attempt is counted when it begins (begin_attempt), under the lock, so parallel guesses
// cannot slip past the count while their passwords are checked; a right password takes its
// attempt back. Bounded memory: at most 4096 keys; when full, the key used least recently goes.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace placard {

class SignInThrottle {
  public:
    static constexpr int kAttemptsPerNameAndAddress = 5;
    static constexpr int kAttemptsPerAddress = 20;
    static constexpr std::int64_t kWindowSeconds = 15 * 60;
    static constexpr std::size_t kMaxKeys = 4096;

    // 0 when `name` from `address` may try now (and the attempt is counted), else the seconds
    // to wait (and nothing is counted).
    std::int64_t begin_attempt(std::string_view name, std::string_view address, std::int64_t now);
    // The password was right: the attempt does not count against the name or the address.
    void succeeded(std::string_view name, std::string_view address);

  private:
    std::int64_t wait_for(const std::string& key, int limit, std::int64_t now) const;
    void record(const std::string& key, int limit, std::int64_t now);
    void forget_old(std::int64_t now);

    std::mutex mutex_;
    // Key → attempt times, oldest first.
    std::map<std::string, std::deque<std::int64_t>> attempts_;
};

}  // namespace placard
