// A real studio data folder (studio.db, signing key) in a temporary folder, per test.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "studio/studio_folder.hpp"

namespace placard {

class StudioFolderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        data_ = std::filesystem::temp_directory_path() /
                ("placard-studio-test-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(data_);
        auto folder = open_studio_folder(data_);
        ASSERT_TRUE(folder) << folder.error().message;
        folder_ = std::move(*folder);
    }
    void TearDown() override { std::filesystem::remove_all(data_); }

    std::filesystem::path data_;
    StudioFolder folder_;
};

}  // namespace placard
