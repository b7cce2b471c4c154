// A secret signing key kept in a file of its own: the studio's (DATA/signing.key, which signs
// what screens take) and each screen's (`screen_key`, which signs its status reports, issue 16).
// Made with O_EXCL and mode 0600 from the start, never briefly readable by others; a key that
// others may read is refused rather than used.
#pragma once

#include <filesystem>

#include "content/signed_manifest.hpp"
#include "core/result.hpp"

namespace placard {

// The key in `file`; a new one (folder included) when nothing is there. Anything else there —
// not a regular file, not a key, readable by others — is an error: replacing it would make a
// new identity behind the admin's back.
Result<SigningKey> load_or_make_key_file(const std::filesystem::path& file);

}  // namespace placard
