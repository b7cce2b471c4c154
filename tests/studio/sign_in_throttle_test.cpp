#include "studio/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

TEST(SignInThrottle, AFifthWrongPasswordMakesTheNameWait) {
    SignInThrottle throttle;
    for (int i = 0; i < SignInThrottle::kFailuresPerName - 1; ++i) {
        throttle.failed("王科长", "10.0.0.9", 1000 + i);
        EXPECT_EQ(throttle.wait_seconds("王科长", "10.0.0.9", 1000 + i), 0) << i;
    }
    throttle.failed("王科长", "10.0.0.9", 1010);
    // Until the first failure is 15 minutes old, from any address.
    EXPECT_EQ(throttle.wait_seconds("王科长", "10.0.0.77", 1010), 900 - 10);
    EXPECT_EQ(throttle.wait_seconds("王科长", "10.0.0.77", 1899), 1);
    EXPECT_EQ(throttle.wait_seconds("王科长", "10.0.0.77", 1900), 0);
    // Another name from the same address is not held up by five failures.
    EXPECT_EQ(throttle.wait_seconds("李四", "10.0.0.9", 1010), 0);
}

TEST(SignInThrottle, AnAddressTryingManyNamesWaits) {
    SignInThrottle throttle;
    for (int i = 0; i < SignInThrottle::kFailuresPerAddress; ++i) {
        throttle.failed("guess" + std::to_string(i), "192.0.2.1", 5000);
    }
    EXPECT_GT(throttle.wait_seconds("admin", "192.0.2.1", 5001), 0);
    EXPECT_EQ(throttle.wait_seconds("admin", "192.0.2.2", 5001), 0);
}

TEST(SignInThrottle, ARightPasswordClearsTheNameButNotTheAddress) {
    SignInThrottle throttle;
    for (int i = 0; i < SignInThrottle::kFailuresPerAddress; ++i) {
        throttle.failed(i % 2 ? "admin" : "guess" + std::to_string(i), "192.0.2.1", 100);
    }
    throttle.succeeded("admin");
    EXPECT_EQ(throttle.wait_seconds("admin", "192.0.2.9", 101), 0);
    EXPECT_GT(throttle.wait_seconds("admin", "192.0.2.1", 101), 0);
}

TEST(SignInThrottle, RemembersABoundedNumberOfKeysAndThenFailsClosed) {
    SignInThrottle throttle;
    for (std::size_t i = 0; i < SignInThrottle::kMaxKeys; ++i) {
        throttle.failed("name" + std::to_string(i), "198.51.100.1", 100);
    }
    // Full: a name it cannot remember waits rather than being guessed without limit...
    EXPECT_GT(throttle.wait_seconds("new-name", "203.0.113.5", 101), 0);
    // ...until the window has passed and everything is forgotten.
    EXPECT_EQ(throttle.wait_seconds("new-name", "203.0.113.5", 100 + 900), 0);
}

}  // namespace
}  // namespace placard
