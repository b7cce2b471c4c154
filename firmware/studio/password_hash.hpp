// Admins' passwords, stored only as Argon2id hashes (libsodium's crypto_pwhash_str: the salt and
// the cost are inside the stored string, RFC 9106). The cost is libsodium's "interactive" one:
// about 64 MiB and a fraction of a second per check on a board — and since every sign-in
// attempt costs that, checks run one at a time (a crowd of attempts waits rather than growing
// the studio by 64 MiB each) and sign_in_throttle.hpp limits how many attempts there are.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

// A password admins may choose: 10 to 1024 bytes of UTF-8 text (long enough to resist guessing
// through the throttle; bounded so that a form cannot make hashing cost more).
Status check_password_rules(std::string_view password);
Result<std::string> hash_password(std::string_view password);
// True when `password` is the one `stored_hash` was made from. Constant-time, one at a time.
bool password_matches(const std::string& stored_hash, std::string_view password);

}  // namespace placard
