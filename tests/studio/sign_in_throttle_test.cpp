#include "studio/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(SignInThrottle, FiveAttemptsForANameFromAnAddressThenItWaits) {
    SignInThrottle throttle;
    for (int i = 0; i < SignInThrottle::kAttemptsPerNameAndAddress; ++i) {
        EXPECT_EQ(throttle.begin_attempt("王科长", "10.0.0.9", 1000 + i), 0) << i;
    }
    // Until the first attempt is 15 minutes old.
    EXPECT_EQ(throttle.begin_attempt("王科长", "10.0.0.9", 1010), 900 - 10);
    EXPECT_EQ(throttle.begin_attempt("王科长", "10.0.0.9", 1899), 1);
    EXPECT_EQ(throttle.begin_attempt("王科长", "10.0.0.9", 1900), 0);
}

TEST(SignInThrottle, AStrangerCannotLockAnAdminOut) {
    SignInThrottle throttle;
    for (int i = 0; i < 50; ++i) {
        throttle.begin_attempt("admin", "192.0.2.66", 100);
    }
    // The admin's own desk still gets in; the guesser waits.
    EXPECT_EQ(throttle.begin_attempt("admin", "10.0.0.2", 101), 0);
    EXPECT_GT(throttle.begin_attempt("admin", "192.0.2.66", 101), 0);
}

TEST(SignInThrottle, AnAddressTryingManyNamesWaits) {
    SignInThrottle throttle;
    for (int i = 0; i < SignInThrottle::kAttemptsPerAddress; ++i) {
        EXPECT_EQ(throttle.begin_attempt("guess" + std::to_string(i), "192.0.2.1", 5000), 0);
    }
    EXPECT_GT(throttle.begin_attempt("admin", "192.0.2.1", 5001), 0);
    EXPECT_EQ(throttle.begin_attempt("admin", "192.0.2.2", 5001), 0);
}

TEST(SignInThrottle, ARightPasswordTakesItsAttemptBack) {
    SignInThrottle throttle;
    for (int day = 0; day < 100; ++day) {  // Many good sign-ins from one office: never waits.
        ASSERT_EQ(throttle.begin_attempt("admin", "10.0.0.2", 100 + day), 0) << day;
        throttle.succeeded("admin", "10.0.0.2");
    }
}

TEST(SignInThrottle, RemembersABoundedNumberOfKeys) {
    SignInThrottle throttle;
    for (std::size_t i = 0; i < 3 * SignInThrottle::kMaxKeys; ++i) {
        throttle.begin_attempt("name", "198.51.100." + std::to_string(i), 100);
    }
    // Full, the least recently used keys made room: a new address is not refused.
    EXPECT_EQ(throttle.begin_attempt("admin", "203.0.113.5", 101), 0);
}

}  // namespace
}  // namespace placard
