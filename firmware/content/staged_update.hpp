// The one staged update every source goes through — feed poll, inbox, USB, upload,
// `placard-tool import` (ARCHITECTURE.md, "Data flow"):
//
//   stage on disk (the source's part: unpack a bundle, download a feed and its media)
//   → verify the signature (the source's part, with the one trust policy of signed_manifest)
//   → validate everything the player will read: feed.json, every media file against the
//     manifest and the feed's own sha256, layout.json, every image decoded within the pixel
//     budget (the inspector) — finish_staged_update, here
//   → under the store lock: version check, atomic switch, prune, status (ContentStore::commit)
//
// Whatever is refused leaves the screen's content as it is, and says where and what.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/content_store.hpp"
#include "content/signed_manifest.hpp"
#include "core/content_model.hpp"
#include "core/problem_list.hpp"

namespace placard {

struct UpdateOutcome {
    enum class Kind { Taken, Unchanged, Refused };
    Kind kind = Kind::Unchanged;
    std::int64_t version = -1;
    std::optional<Error> refusal;  // For Refused: its kind, where and what.
    std::string notice_id;         // For a notice file (taken into the notice register): its id.
    // A refusal for a fault of this device (no room on the disk, no staging folder, a failed
    // commit), not of the content: the same content may be taken when tried again.
    bool transient() const { return refusal && refusal->kind == ErrorKind::Failed; }
    // For Refused, the message; else empty.
    std::string reason() const { return refusal ? refusal->message : std::string(); }
};

// A deeper check of an assembled bundle than the content module can do alone (decoding the
// images), given the bundle's folder and its feed as already parsed; returns the problems, empty
// when the bundle is good.
using BundleInspector = std::function<ProblemList(const std::filesystem::path&, const Feed&)>;

struct StagedUpdate {
    StagingArea staging;
    std::optional<Manifest> manifest;  // Nothing for unsigned content (when allowed).
    std::string origin;                // Prefixes messages: "news.placard", a feed's URL.
    std::string source;                // What status.json says it came from.
};

// What a taken or unchanged outcome did, for logs and answers: "took version 42", "version 42
// with the same content is already shown", "took notice \"drill\"", "notice \"drill\" is
// already taken".
std::string describe_outcome(const UpdateOutcome& outcome);

// Validates the staged update and commits it; records the outcome in status.json. The signed
// content of the version shown, offered again, is Unchanged (not a refusal).
// `on_taken` adds a source's own fields to the status (a feed's ETag).
UpdateOutcome finish_staged_update(const ContentStore& store, StagedUpdate update,
                                   const TrustPolicy& policy, const BundleInspector& inspect,
                                   const std::function<void(UpdateStatus&)>& on_taken = {});

// Validates a bundle folder the way finish_staged_update does, without a store: the problems,
// empty when the player can show it. The signature must name the policy's site, else
// `screen_site` (the site of what the screen shows), else, for a screen's first content, the
// site the feed names.
ProblemList validate_staged_folder(const std::filesystem::path& dir,
                                   const std::optional<Manifest>& manifest,
                                   const TrustPolicy& policy, std::string_view screen_site,
                                   const BundleInspector& inspect, Feed* feed_out);

// Records a refusal (an authenticated source's: never an anonymous request's) in status.json,
// with its kind and the source it came from ("bundle news.placard", a feed's URL).
UpdateOutcome record_refusal(const ContentStore& store, Error refusal, std::string_view source);

}  // namespace placard
