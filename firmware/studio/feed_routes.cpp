#include "content/feed_signing.hpp"
#include "content/signed_manifest.hpp"
#include "core/read_file.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace {

constexpr std::uintmax_t kMaxServedFile = 64 * 1024 * 1024;

std::string content_type_of(std::string_view path) {
    if (path.ends_with(".json")) {
        return "application/json";
    }
    if (path.ends_with(".png")) {
        return "image/png";
    }
    if (path.ends_with(".jpg") || path.ends_with(".jpeg")) {
        return "image/jpeg";
    }
    return "application/octet-stream";
}

}  // namespace

// GET /feed/PATH: the current published version's feed.json, its feed.json.sig, and only the
// files its signed manifest lists — never another file of the data folder, whatever PATH says
// (no "..", no links: the name must be one the manifest names). Versions never change once
// published (but for a renewed signature), so each file's ETag is its SHA-256 and the version,
// and a screen's conditional GET (RFC 9110 §13.1.2) costs a 304.
void handle_feed_file(StudioContext& studio, HttpExchange& exchange, std::string_view path) {
    const auto version = studio.publisher.current_version();
    if (!version) {
        exchange.answer(json_error(503, "nothing is published yet"));
        return;
    }
    const auto folder = studio.publisher.version_folder(*version);
    auto signature = read_file(folder / kFeedSignatureFile, 1024 * 1024);
    const std::size_t line_end = signature ? signature->find('\n') : std::string::npos;
    auto manifest =
        line_end == std::string::npos
            ? Result<Manifest>(make_error("unreadable signature file"))
            : parse_manifest(std::string_view(*signature).substr(line_end + 1), kFeedSignatureFile);
    if (!manifest) {
        exchange.answer(json_error(500, "the published version's signature is unreadable"));
        return;
    }
    const ManifestFile* listed = manifest->find(path);
    if (listed == nullptr && path != kFeedSignatureFile) {
        exchange.answer(json_error(404, "not a file of the published feed"));
        return;
    }
    // The signature's tag names its expiry too: a renewed signature (Publisher::renew_signature)
    // is a new file of the same version.
    const std::string etag =
        "\"" + std::to_string(*version) + "-" +
        (listed ? listed->sha256.substr(0, 16) : "sig" + std::to_string(manifest->expires)) + "\"";
    if (auto given = exchange.head().field("if-none-match"); given && *given && **given == etag) {
        HttpAnswer answer{304, "application/octet-stream", {{"ETag", etag}}, ""};
        exchange.answer(answer);
        return;
    }
    auto data = path == kFeedSignatureFile ? std::move(signature)
                                           : read_file(folder / std::string(path), kMaxServedFile);
    if (!data) {
        exchange.answer(json_error(500, "a file of the published version is missing"));
        return;
    }
    HttpAnswer answer{200, content_type_of(path), {{"ETag", etag}}, std::move(*data)};
    exchange.answer(answer);
}

}  // namespace placard
