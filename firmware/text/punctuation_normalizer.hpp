// Turns half-width ASCII punctuation that stands between Chinese characters into the full-width
// marks Chinese prose uses (TYPOGRAPHY.md, "Mixed Chinese and Latin"). Real feeds write
// "党支部的职能是什么?" and "不是花样创新,而是"; GB/T 15834-2011 wants ？ and ，.
//
// , ? ! : ; become ， ？ ！ ： ； when the character before them is Chinese, or the next one shown
// is (after a Latin word only a Han character counts: "使用Linux,而不是", "截至2019,全国"; not
// “Thank you!” nor an address), unless they stand between Latin letters or digits;
// ( and ) become （ and ） when what they enclose begins or ends with Chinese. Inside Latin runs,
// numbers and URLs nothing changes: "3,000", "http://", "Debian (bookworm)". Spaces after a
// converted mark are dropped, since the full-width mark carries its own blank.
#pragma once

#include <string>
#include <string_view>

namespace placard {

std::string normalize_ascii_punctuation(std::string_view text);

}  // namespace placard
