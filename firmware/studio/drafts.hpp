// Drafts: the content being prepared for the next version, each a whole feed.json (the format
// screens read, docs/feed-format.md) in studio.db, with its author, its state in the 审核
// workflow (workflow.hpp) and, once reviewed, its reviewer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "studio/studio_database.hpp"

namespace placard {

enum class DraftState { Draft, Submitted, Approved, Published };

std::string_view draft_state_name(DraftState state);
std::optional<DraftState> parse_draft_state(std::string_view name);

struct Draft {
    std::int64_t id = 0;
    std::string author;
    std::int64_t base_version = 0;  // The published version it started from.
    std::string feed;               // feed.json's text.
    DraftState state = DraftState::Draft;
    std::string note;  // The author's note when submitting, or the reviewer's when sending back.
    std::string reviewer;      // Who approved (or sent back); empty before.
    std::int64_t version = 0;  // The version it was published as; 0 before.
    // Everyone who saved its content, one name per line: none of them may approve it (an admin
    // who rewrote someone's draft is an author of it too).
    std::string editors;
    bool edited_by(const std::string& name) const {
        return name == author || ("\n" + editors).find("\n" + name + "\n") != std::string::npos;
    }
    std::int64_t updated = 0;
};

Result<std::int64_t> create_draft(StudioDatabase& db, const std::string& author,
                                  std::int64_t base_version, const std::string& feed,
                                  std::int64_t now);
std::optional<Draft> find_draft(StudioDatabase& db, std::int64_t id);
// Every draft but published ones, newest first, without their feed text.
std::vector<Draft> open_drafts(StudioDatabase& db);
// Saves the draft's feed, adding `editor` to its editors.
Status save_draft_feed(StudioDatabase& db, const Draft& draft, const std::string& feed,
                       const std::string& editor, std::int64_t now);
// Moves a draft from `from` to `to` (only if it is still in `from`: two reviewers clicking at
// once make one change, not two).
Status move_draft(StudioDatabase& db, std::int64_t id, DraftState from, DraftState to,
                  const std::string& reviewer, const std::string& note, std::int64_t now);
// Records the version a published draft became.
Status mark_draft_published(StudioDatabase& db, std::int64_t id, std::int64_t version,
                            std::int64_t now);

}  // namespace placard
