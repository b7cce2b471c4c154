// Limits password guessing at the sign-in form (OWASP's authentication guidance: throttle by
// account and by source). Five failures for one user name within 15 minutes, or twenty from
// one address, and that name or address must wait until the oldest of them is 15 minutes old;
// the form then answers 429 with Retry-After (RFC 6585 §4) without checking the password.
//
// It lives in memory, bounded: at most 4096 names and addresses are remembered, so a stranger
// inventing names cannot grow the studio. When full, failures of forgotten keys count as
// waiting (it fails closed rather than forgetting a guesser).
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
    static constexpr int kFailuresPerName = 5;
    static constexpr int kFailuresPerAddress = 20;
    static constexpr std::int64_t kWindowSeconds = 15 * 60;
    static constexpr std::size_t kMaxKeys = 4096;

    // Seconds before `name` from `address` may try again; 0 when it may now.
    std::int64_t wait_seconds(std::string_view name, std::string_view address, std::int64_t now);
    void failed(std::string_view name, std::string_view address, std::int64_t now);
    // A right password clears the name's failures (not the address's: one right password
    // must not reset a guesser trying many names).
    void succeeded(std::string_view name);

  private:
    std::int64_t wait_for(const std::string& key, int limit, std::int64_t now);
    void record(const std::string& key, int limit, std::int64_t now);
    void forget_old(std::int64_t now);

    std::mutex mutex_;
    std::map<std::string, std::deque<std::int64_t>>
        failures_;  // Key → failure times, oldest first.
    bool full_ = false;
};

}  // namespace placard
