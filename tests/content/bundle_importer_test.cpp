#include "content/bundle_importer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "content/bundle_signature.hpp"
#include "content/tar_archive.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

// A bundle whose own names collide — "x" a file and "x/y" inside it — is the bundle's fault:
// Invalid, so the inbox does not keep it to try again every 30 s (as it does a Failed one, a
// full disk), and an upload of it is answered 422, not 503.
TEST(BundleImporter, NamesThatCollideAreTheBundlesFaultNotTheDevices) {
    const fs::path work =
        fs::temp_directory_path() / ("placard-importer-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work / "staging");
    const SigningKey key = generate_signing_key();
    SigningTerms terms;
    terms.site = "测试";
    terms.expires = std::time(nullptr) + 86400;
    auto signed_files = sign_bundle_files(
        {TarEntry{"feed.json", "{}"}, TarEntry{"x", "a file"}, TarEntry{"x/y", "under a file"}},
        key, terms);
    ASSERT_TRUE(signed_files) << signed_files.error().message;
    auto archive = write_tar(*signed_files);
    ASSERT_TRUE(archive) << archive.error().message;
    std::ofstream(work / "collide.placard", std::ios::binary) << *archive;
    TrustPolicy policy;
    policy.trusted_keys.push_back(key.public_key);
    const auto unpacked = unpack_signed_bundle(work / "collide.placard", work / "staging", policy,
                                               std::time(nullptr), {}, "collide.placard");
    ASSERT_FALSE(unpacked);
    EXPECT_EQ(unpacked.error().kind, ErrorKind::Invalid) << unpacked.error().message;
    EXPECT_NE(unpacked.error().message.find("x/y"), std::string::npos) << unpacked.error().message;
    fs::remove_all(work);
}

}  // namespace
}  // namespace placard
