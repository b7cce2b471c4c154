#include "content/signed_manifest.hpp"

#include <gtest/gtest.h>

namespace placard {
namespace {

const std::string kHash(64, 'a');

Manifest sample_manifest() {
    Manifest manifest;
    manifest.site = "中共通渭县委组织部";
    manifest.expires = *parse_utc_time("2030-01-01T00:00:00Z");
    manifest.files.push_back(ManifestFile{"media/banner 1.jpg", kHash, 99});
    manifest.files.push_back(ManifestFile{"feed.json", std::string(64, 'b'), 1234});
    return manifest;
}

TrustPolicy trusting(const SigningKey& key) {
    TrustPolicy policy;
    policy.trusted_keys.push_back(key.public_key);
    return policy;
}

TEST(SignedManifest, APathWithASpaceSurvivesWritingAndReading) {
    auto parsed = parse_manifest(manifest_text(sample_manifest()), "MANIFEST");
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_NE(parsed->find("media/banner 1.jpg"), nullptr);
    EXPECT_EQ(parsed->find("media/banner 1.jpg")->size, 99u);
    EXPECT_EQ(parsed->site, "中共通渭县委组织部");
}

TEST(SignedManifest, AGoodSignatureFromATrustedKeyVerifies) {
    const SigningKey key = generate_signing_key();
    const std::string text = manifest_text(sample_manifest());
    auto verified =
        verify_manifest(text, signature_line(text, key), trusting(key),
                        *parse_utc_time("2029-01-01T00:00:00Z"), {SignedKind::Bundle}, "x.placard");
    ASSERT_TRUE(verified) << verified.error().message;
}

TEST(SignedManifest, AChangedByteBreaksTheSignature) {
    const SigningKey key = generate_signing_key();
    std::string text = manifest_text(sample_manifest());
    const std::string signature = signature_line(text, key);
    text[text.find("99")] = '8';
    auto verified =
        verify_manifest(text, signature, trusting(key), 0, {SignedKind::Bundle}, "x.placard");
    ASSERT_FALSE(verified);
    EXPECT_NE(verified.error().message.find("does not match"), std::string::npos);
    EXPECT_EQ(verified.error().kind, ErrorKind::Unauthentic);
}

TEST(SignedManifest, AnUntrustedKeyIsRefused) {
    const SigningKey key = generate_signing_key(), other = generate_signing_key();
    const std::string text = manifest_text(sample_manifest());
    auto verified = verify_manifest(text, signature_line(text, other), trusting(key), 0,
                                    {SignedKind::Bundle}, "x");
    ASSERT_FALSE(verified);
    EXPECT_NE(verified.error().message.find("does not trust"), std::string::npos);
    EXPECT_EQ(verified.error().kind, ErrorKind::Unauthentic);
}

TEST(SignedManifest, AnExpiredSignatureIsRefused) {
    const SigningKey key = generate_signing_key();
    const std::string text = manifest_text(sample_manifest());
    auto verified =
        verify_manifest(text, signature_line(text, key), trusting(key),
                        *parse_utc_time("2030-01-01T00:00:01Z"), {SignedKind::Bundle}, "x.placard");
    ASSERT_FALSE(verified);
    EXPECT_NE(verified.error().message.find("expired"), std::string::npos);
    EXPECT_EQ(verified.error().kind, ErrorKind::Unauthentic);
}

TEST(SignedManifest, AnExpiryMoreThanTenYearsAheadIsRefused) {
    const SigningKey key = generate_signing_key();
    Manifest manifest = sample_manifest();
    // Eleven years ahead, and still within a 32-bit time_t (armhf's, before 2038).
    manifest.expires = *parse_utc_time("2037-12-31T00:00:00Z");
    const std::string text = manifest_text(manifest);
    auto verified =
        verify_manifest(text, signature_line(text, key), trusting(key),
                        *parse_utc_time("2026-11-27T00:00:00Z"), {SignedKind::Bundle}, "x.placard");
    ASSERT_FALSE(verified);
    EXPECT_NE(verified.error().message.find("ten years"), std::string::npos);
}

TEST(SignedManifest, UnsignedIsRefusedUnlessAllowed) {
    const std::string text = manifest_text(sample_manifest());
    TrustPolicy policy;
    EXPECT_FALSE(verify_manifest(text, std::nullopt, policy, 0, {SignedKind::Bundle}, "x"));
    policy.allow_unsigned = true;
    EXPECT_TRUE(verify_manifest(text, std::nullopt, policy, 0, {SignedKind::Bundle}, "x"));
}

TEST(SignedManifest, TheSiteIsBound) {
    const Manifest manifest = sample_manifest();
    EXPECT_TRUE(check_manifest_site(manifest, "中共通渭县委组织部", "x"));
    EXPECT_FALSE(check_manifest_site(manifest, "另一个单位", "x"));
}

TEST(SignedManifest, AFeedSignatureIsNotABundleSignature) {
    const SigningKey key = generate_signing_key();
    Manifest feed = sample_manifest();
    feed.kind = SignedKind::Feed;
    const std::string text = manifest_text(feed);
    EXPECT_TRUE(verify_manifest(text, signature_line(text, key), trusting(key), 0,
                                {SignedKind::Feed}, "feed.json.sig"));
    auto as_bundle = verify_manifest(text, signature_line(text, key), trusting(key), 0,
                                     {SignedKind::Bundle}, "x.placard");
    ASSERT_FALSE(as_bundle);
    EXPECT_NE(as_bundle.error().message.find("not as a bundle"), std::string::npos);
}

TEST(SignedManifest, TheFirstFormatWithoutSiteOrExpiryIsRefusedWithAReason) {
    auto parsed = parse_manifest("placard-bundle 1\n" + kHash + " 3 feed.json\n", "MANIFEST");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("sign it again"), std::string::npos);
}

TEST(SignedManifest, BadLinesAreRefused) {
    const std::string head =
        "placard-manifest 2\nkind bundle\nsite s\nexpires 2030-01-01T00:00:00Z\n";
    for (const std::string& line : {kHash + " 3 ../etc/passwd", kHash + " 3 /abs",
                                    kHash + " x feed.json", std::string(63, 'a') + " 3 feed.json",
                                    kHash + " 3 a\x01"
                                            "b",
                                    kHash + " 99999999999999999999999 feed.json"}) {
        EXPECT_FALSE(parse_manifest(head + line + "\n", "MANIFEST")) << line;
    }
    EXPECT_FALSE(parse_manifest(head + kHash + " 3 feed.json\n" + kHash + " 3 feed.json\n", "M"));
    EXPECT_FALSE(parse_manifest("placard-manifest 2\nexpires 2030-01-01T00:00:00Z\n", "M"));
}

TEST(SignedManifest, UtcTimesReadAndWriteTheSame) {
    const auto time = parse_utc_time("2027-02-25T09:00:00Z");
    ASSERT_TRUE(time);
    EXPECT_EQ(format_utc_time(*time), "2027-02-25T09:00:00Z");
    EXPECT_FALSE(parse_utc_time("2027-02-25 09:00:00"));
    EXPECT_FALSE(parse_utc_time("2027-13-25T09:00:00Z"));
    EXPECT_FALSE(parse_utc_time("2027-02-30T09:00:00Z"));  // No such day.
}

}  // namespace
}  // namespace placard
