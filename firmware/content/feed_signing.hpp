// A feed's signature file, feed.json.sig: the signature line, then the manifest of feed.json
// and every media file the feed names (signed_manifest.hpp), signed as kind "feed". Made by
// `placard-tool sign-feed` for a folder any web server serves, and by Placard Studio for each
// version it publishes.
#pragma once

#include <string>
#include <vector>

#include "content/bundle_signature.hpp"
#include "core/result.hpp"

namespace placard {

inline constexpr std::string_view kFeedSignatureFile = "feed.json.sig";

// The text of feed.json.sig for `files` (feed.json and its media, as bundle_folder_files gives
// them). `terms.kind` is set to Feed whatever it says.
Result<std::string> feed_signature_file(std::vector<TarEntry> files, const SigningKey& key,
                                        SigningTerms terms);

}  // namespace placard
