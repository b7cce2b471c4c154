// Urgent notices (紧急插播) from the studio: what the page asks for made into a notice of the
// feed's "notices" (docs/feed-format.md, "Urgent notices"), and the notices carried into a
// feed that is published after them.
//
// A notice cannot wait for a second person's review: a fire drill starts now. So an admin or
// reviewer publishes it at once, as a new version of the current content with the notice added
// (every other part of the feed unchanged, the audit log saying who). Drafts made before it are
// not made stale by it: their content is published with the notices of the current version
// (carry_notices), so publishing a draft never brings back a notice that was cancelled.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/notice.hpp"
#include "core/result.hpp"

namespace placard {

// The notice an admin asks for, as the page sends it:
//   {"id": ID?, "level": "urgent", "title": TEXT?, "text": TEXT, "minutes": 1..44640,
//    "starts_in_minutes": 0..44640?}
//   {"id": ID, "cancel": true, "all_clear": TEXT?, "all_clear_minutes": 1..60?}
// `issued` is `now` (later by a second than the feed's notice of that id, so an update within
// the second still counts); a new notice without an id gets one from the time, unused in
// `feed`. A cancel of an id `feed` does not hold is NotFound; a cancel is for the groups
// (screens) of the notice it ends. Checked as a screen checks a
// notice: one "where: what" line for the first problem.
Result<Notice> notice_from_request(const nlohmann::json& request, const nlohmann::json& feed,
                                   WallTime now);

// `feed` with `notice` in its "notices" (in place of the one with its id), and without the
// notices that can no longer show (expired; a cancel once its all-clear card has shown).
nlohmann::json feed_with_notice(nlohmann::json feed, const Notice& notice, WallTime now);

// `feed` with `current`'s notices: a rollback restores old content, not old notices (a running
// notice goes on, one ended stays ended).
nlohmann::json with_notices_of(nlohmann::json feed, const nlohmann::json& current);

// A draft made from `base` and published over `current`: when the two differ only in their
// notices (a notice published since the draft was made), the draft's content with the notices
// merged three ways — the draft's changes to its base's notices over those published since;
// where both changed one id, the later `issued`. Nothing when other content changed since (the
// draft would undo it unseen).
std::optional<nlohmann::json> carry_notices(const nlohmann::json& draft, const nlohmann::json& base,
                                            const nlohmann::json& current);

}  // namespace placard
