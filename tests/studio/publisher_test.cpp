// Placard Studio's publisher on a real data folder: the signature of the current version,
// renewed as it nears its end.
#include "studio/publisher.hpp"

#include <gtest/gtest.h>

#include "content/feed_signing.hpp"
#include "core/read_file.hpp"
#include "studio_folder_fixture.hpp"

namespace placard {
namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kPublished = 1795741200;  // 2026-11-27 09:00 in China.

class StudioPublisher : public StudioFolderTest {
  protected:
    // The signature file of version 1, verified as a screen verifies it at `now`.
    Result<Manifest> verified_at(std::int64_t now) const {
        auto file = read_file(data_ / "published" / "1" / kFeedSignatureFile, 1024 * 1024);
        auto parts =
            file ? split_feed_signature(*file, "sig") : Result<DetachedSignature>(file.error());
        if (!parts) {
            return parts.error();
        }
        TrustPolicy policy;
        policy.trusted_keys.push_back(folder_.key.public_key);
        return verify_manifest(parts->manifest, parts->signature, policy,
                               static_cast<std::time_t>(now), {SignedKind::Feed}, "sig");
    }
};

TEST_F(StudioPublisher, ASignatureNearItsEndIsRenewedForTheSameFiles) {
    Publisher publisher(data_, folder_.key, *folder_.db);
    const std::string feed =
        R"({"placard": 1, "site": {"name": "县委组织部"}, "channels": [], "articles": []})";
    ASSERT_EQ(publisher.publish({{"feed.json", feed}}, "admin", "first", kPublished).value(), 1);
    const auto published_feed = read_file(data_ / "published" / "1" / "feed.json", 1 << 20);
    ASSERT_TRUE(verified_at(kPublished + 89 * kDay));
    EXPECT_FALSE(verified_at(kPublished + 91 * kDay)) << "signed for 90 days";

    // 31 days left: nothing to do.
    auto early = publisher.renew_signature(kPublished + 59 * kDay);
    ASSERT_TRUE(early) << early.error().message;
    EXPECT_FALSE(*early);

    // 29 days left: signed again for 90 days from now, the same files, the same version.
    const std::int64_t later = kPublished + 61 * kDay;
    auto renewed = publisher.renew_signature(later);
    ASSERT_TRUE(renewed) << renewed.error().message;
    ASSERT_TRUE(*renewed);
    EXPECT_EQ(**renewed, later + 90 * kDay);
    auto manifest = verified_at(kPublished + 120 * kDay);
    ASSERT_TRUE(manifest) << manifest.error().message;
    EXPECT_EQ(manifest->site, "县委组织部");
    EXPECT_EQ(publisher.current_version(), 1);
    EXPECT_EQ(read_file(data_ / "published" / "1" / "feed.json", 1 << 20).value(),
              published_feed.value());
}

TEST_F(StudioPublisher, APublishMadeFromAnOlderVersionIsRefused) {
    Publisher publisher(data_, folder_.key, *folder_.db);
    const std::string feed =
        R"({"placard": 1, "site": {"name": "县委组织部"}, "channels": [], "articles": []})";
    ASSERT_TRUE(publisher.publish({{"feed.json", feed}}, "admin", "v1", kPublished));
    ASSERT_TRUE(publisher.publish({{"feed.json", feed}}, "admin", "v2", kPublished, 1));
    const auto stale = publisher.publish({{"feed.json", feed}}, "admin", "v3", kPublished, 1);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().kind, ErrorKind::Stale);
    EXPECT_EQ(publisher.current_version(), 2);
}

}  // namespace
}  // namespace placard
