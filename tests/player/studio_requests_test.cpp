// What the studio asks of the player, as the content service writes it: the screen's group is
// taken up when it changes, including a change written while the player was starting.
#include "player/studio_requests.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace placard {
namespace {

namespace fs = std::filesystem;

class StudioRequestsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        file = fs::temp_directory_path() /
               ("placard-requests-" +
                std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                ".json");
        fs::remove(file);
    }
    void TearDown() override { fs::remove(file); }
    void put_in_group(const std::string& group, std::int64_t at) {
        ScreenRequests requests = load_screen_requests(file);
        requests.group = group;
        requests.group_at = at;
        ASSERT_TRUE(save_screen_requests(file, requests));
    }
    fs::path file;
};

// The player read "" and laid its content out; the service wrote 乡镇 before the requests were
// watched: that is a change to take, not a state already seen.
TEST_F(StudioRequestsTest, AGroupWrittenWhileThePlayerStartedIsTaken) {
    put_in_group("乡镇", 100);
    StudioRequests requests(file);
    requests.started_with_group("");
    EXPECT_EQ(requests.take_group(), "乡镇");
    EXPECT_EQ(requests.take_group(), std::nullopt);  // Once.
}

TEST_F(StudioRequestsTest, TheGroupAtStartIsNoChange) {
    put_in_group("乡镇", 100);
    StudioRequests requests(file);
    requests.started_with_group("乡镇");
    EXPECT_EQ(requests.take_group(), std::nullopt);
    requests.start(std::chrono::milliseconds(10));
    put_in_group("县委大楼", 200);
    std::optional<std::string> taken;
    for (int look = 0; look < 500 && !taken; ++look) {  // Up to 5 s: its thread looks.
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        taken = requests.take_group();
    }
    EXPECT_EQ(taken, "县委大楼");
}

}  // namespace
}  // namespace placard
