// The `KEY = VALUE` text files Placard reads (placard.conf, fonts/fallback.conf): '#' starts a
// comment, blank lines are skipped, spaces around key and value are trimmed.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace placard {

// Calls `take(key, value, where)` for each setting, where = "ORIGIN:LINE: "; stops at the first
// error `take` returns, or at a line without '=' (`shape` says what was expected there).
Status for_each_setting(std::string_view text, std::string_view origin, std::string_view shape,
                        const std::function<Status(std::string_view key, std::string_view value,
                                                   const std::string& where)>& take);

std::string_view trim_blanks(std::string_view text);

}  // namespace placard
