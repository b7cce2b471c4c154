#include "studio/sign_in_throttle.hpp"

#include <algorithm>

namespace placard {

namespace {

std::string pair_key(std::string_view name, std::string_view address) {
    return "pair " + std::string(address) + " " + std::string(name);
}
std::string address_key(std::string_view address) {
    return "address " + std::string(address);
}

}  // namespace

std::int64_t SignInThrottle::begin_attempt(std::string_view name, std::string_view address,
                                           std::int64_t now) {
    std::lock_guard lock(mutex_);
    forget_old(now);
    const std::string by_pair = pair_key(name, address), by_address = address_key(address);
    const std::int64_t wait = std::max(wait_for(by_pair, kAttemptsPerNameAndAddress, now),
                                       wait_for(by_address, kAttemptsPerAddress, now));
    if (wait == 0) {
        record(by_pair, kAttemptsPerNameAndAddress, now);
        record(by_address, kAttemptsPerAddress, now);
    }
    return wait;
}

void SignInThrottle::succeeded(std::string_view name, std::string_view address) {
    std::lock_guard lock(mutex_);
    attempts_.erase(pair_key(name, address));
    if (auto found = attempts_.find(address_key(address)); found != attempts_.end()) {
        found->second.pop_back();
        if (found->second.empty()) {
            attempts_.erase(found);
        }
    }
}

std::int64_t SignInThrottle::wait_for(const std::string& key, int limit, std::int64_t now) const {
    const auto found = attempts_.find(key);
    if (found == attempts_.end() || found->second.size() < static_cast<std::size_t>(limit)) {
        return 0;
    }
    return std::max<std::int64_t>(1, found->second.front() + kWindowSeconds - now);
}

void SignInThrottle::record(const std::string& key, int limit, std::int64_t now) {
    auto found = attempts_.find(key);
    if (found == attempts_.end()) {
        if (attempts_.size() >= kMaxKeys) {
            // Full: the key whose last attempt is oldest makes room.
            attempts_.erase(std::min_element(
                attempts_.begin(), attempts_.end(),
                [](const auto& a, const auto& b) { return a.second.back() < b.second.back(); }));
        }
        found = attempts_.emplace(key, std::deque<std::int64_t>()).first;
    }
    found->second.push_back(now);
    while (found->second.size() > static_cast<std::size_t>(limit)) {
        found->second.pop_front();
    }
}

// Attempts older than the window count for nothing: dropped, and keys with none left go.
void SignInThrottle::forget_old(std::int64_t now) {
    for (auto entry = attempts_.begin(); entry != attempts_.end();) {
        auto& times = entry->second;
        while (!times.empty() && times.front() + kWindowSeconds <= now) {
            times.pop_front();
        }
        entry = times.empty() ? attempts_.erase(entry) : std::next(entry);
    }
}

}  // namespace placard
