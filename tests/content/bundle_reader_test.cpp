#include "content/bundle_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace placard {
namespace {

namespace fs = std::filesystem;

class BundleReader : public ::testing::Test {
  protected:
    void SetUp() override {
        dir =
            fs::temp_directory_path() /
            ("placard-bundle-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir / "media");
    }
    void TearDown() override { fs::remove_all(dir); }
    void write(const fs::path& relative, const std::string& text) {
        std::ofstream(dir / relative) << text;
    }
    void write_feed(const std::string& image) {
        write("feed.json", R"({"placard":1,"version":1,"site":{"name":"站"},
          "channels":[{"id":"c","title":"栏目"}],
          "banners":[{"id":"b","image":")" +
                               image + R"("}],
          "articles":[{"id":"a","channel":"c","title":"题","body":["文。"]}]})");
    }
    fs::path dir;
};

TEST_F(BundleReader, AcceptsACompleteBundle) {
    write_feed("media/b.png");
    write("media/b.png", "png bytes");
    const BundleCheck check = read_bundle(dir);
    EXPECT_TRUE(check.ok()) << check.problems.front().message;
    EXPECT_EQ(check.feed.site.name, "站");
}

TEST_F(BundleReader, ReportsAMissingImage) {
    write_feed("media/missing.png");
    const BundleCheck check = read_bundle(dir);
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_EQ(check.problems[0].message, "media/missing.png: no such file in the bundle");
    EXPECT_EQ(check.problems[0].kind, ErrorKind::NotFound);
}

TEST_F(BundleReader, RefusesASymlinkedImage) {
    write_feed("media/b.png");
    fs::create_symlink("/etc/hostname", dir / "media/b.png");
    const BundleCheck check = read_bundle(dir);
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_EQ(check.problems[0].message,
              "media/b.png: is a symbolic link (not allowed in a bundle)");
}

TEST_F(BundleReader, ReportsAMissingFolder) {
    const BundleCheck check = read_bundle(dir / "nope");
    ASSERT_EQ(check.problems.size(), 1u);
    EXPECT_NE(check.problems[0].message.find("no such folder or feed file"), std::string::npos);
}

}  // namespace
}  // namespace placard
