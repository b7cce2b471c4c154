// Logs each character that no font of the chain has, once per process (TYPOGRAPHY.md: "Log each
// missing character once; never draw tofu silently").
#pragma once

#include <string_view>
#include <vector>

namespace placard {

// `where` names the text the characters came from ("articles[0].body[2]").
void log_missing_characters(const std::vector<char32_t>& missing, std::string_view where);

}  // namespace placard
