// Urgent notices in JSON (docs/feed-format.md, "Urgent notices"): one object, in a feed's
// "notices" array or on its own in a signed notice file (notice.json, with "placard_notice": 1):
//
//   {"id": "drill-1127", "issued": "2026-11-27T09:00:00+08:00", "level": "urgent",
//    "title": "消防演练", "text": "……", "expires": "2026-11-27T10:00:00+08:00"}
//   {"id": "drill-1127", "issued": "2026-11-27T09:40:00+08:00", "cancel": true,
//    "all_clear": "演练结束，恢复正常秩序。", "all_clear_minutes": 5}
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/notice.hpp"
#include "core/result.hpp"

namespace placard {

using NoticeProblem = std::function<void(const std::string& where, const std::string& what)>;

// The longest a notice may be signed to last (expires − issued), and the longest text.
inline constexpr std::int64_t kLongestNoticeSeconds = 31L * 24 * 3600;
inline constexpr std::size_t kMaxNoticeTextBytes = 4000;

// One notice object; nothing after a problem (each reported through `problem` with its path).
std::optional<Notice> read_notice(const nlohmann::json& object, const std::string& where,
                                  const NoticeProblem& problem);

// A notice file's notice.json: the object with "placard_notice": 1. One "where: what" line per
// problem, prefixed with `origin`.
Result<Notice> parse_notice_document(std::string_view text, std::string_view origin);

// The notice as notice.json holds it (read_notice reads it back).
nlohmann::ordered_json notice_to_json(const Notice& notice);

}  // namespace placard
