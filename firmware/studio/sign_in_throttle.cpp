#include "studio/sign_in_throttle.hpp"

#include <algorithm>

namespace placard {

namespace {

std::string name_key(std::string_view name) {
    return "name " + std::string(name);
}
std::string address_key(std::string_view address) {
    return "address " + std::string(address);
}

}  // namespace

std::int64_t SignInThrottle::wait_seconds(std::string_view name, std::string_view address,
                                          std::int64_t now) {
    std::lock_guard lock(mutex_);
    forget_old(now);
    const std::string by_name = name_key(name), by_address = address_key(address);
    if (full_ && (!failures_.contains(by_name) || !failures_.contains(by_address))) {
        return kWindowSeconds;
    }
    return std::max(wait_for(by_name, kFailuresPerName, now),
                    wait_for(by_address, kFailuresPerAddress, now));
}

void SignInThrottle::failed(std::string_view name, std::string_view address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    forget_old(now);
    record(name_key(name), kFailuresPerName, now);
    record(address_key(address), kFailuresPerAddress, now);
}

void SignInThrottle::succeeded(std::string_view name) {
    std::lock_guard lock(mutex_);
    failures_.erase(name_key(name));
    full_ = failures_.size() >= kMaxKeys;
}

std::int64_t SignInThrottle::wait_for(const std::string& key, int limit, std::int64_t now) {
    const auto found = failures_.find(key);
    if (found == failures_.end() || found->second.size() < static_cast<std::size_t>(limit)) {
        return 0;
    }
    return std::max<std::int64_t>(1, found->second.front() + kWindowSeconds - now);
}

void SignInThrottle::record(const std::string& key, int limit, std::int64_t now) {
    auto found = failures_.find(key);
    if (found == failures_.end()) {
        if (failures_.size() >= kMaxKeys) {
            full_ = true;
            return;
        }
        found = failures_.emplace(key, std::deque<std::int64_t>()).first;
    }
    found->second.push_back(now);
    while (found->second.size() > static_cast<std::size_t>(limit)) {
        found->second.pop_front();
    }
}

// Failures older than the window count for nothing: dropped, and keys with none left go.
void SignInThrottle::forget_old(std::int64_t now) {
    for (auto entry = failures_.begin(); entry != failures_.end();) {
        auto& times = entry->second;
        while (!times.empty() && times.front() + kWindowSeconds <= now) {
            times.pop_front();
        }
        entry = times.empty() ? failures_.erase(entry) : std::next(entry);
    }
    full_ = failures_.size() >= kMaxKeys;
}

}  // namespace placard
