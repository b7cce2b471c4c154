// Urgent notices (紧急插播): messages above the schedule, from an admin with the site's key,
// through a signed notice file (inbox, USB, upload) or the feed's "notices" (docs/feed-format.md,
// "Urgent notices").
//
// A notice has an id; a later notice with the same id (a later `issued`) replaces it — an
// update — or, with "cancel", ends it, optionally with a 解除 card (all-clear) for a few minutes.
// Which notice is on screen is a pure function of the notices taken and the time, like the
// schedule: a screenshot at a virtual time shows what a screen shows then.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/wall_time.hpp"

namespace placard {

// The level decides the presentation: information and warning a band over the foot of the
// screen (blue, amber), urgent the whole screen (red).
enum class NoticeLevel { Information, Warning, Urgent };

struct Notice {
    std::string id;
    WallTime issued;  // Orders the notices of one id: the latest is the one that counts.
    NoticeLevel level = NoticeLevel::Information;
    std::string title;               // Optional: "紧急通知"; empty: the level's own word.
    std::string text;                // The message; empty on a cancel.
    std::optional<WallTime> starts;  // Not shown before (default: from `issued`).
    WallTime expires;                // Not shown from then on.
    bool cancel = false;             // Ends the notice of this id.
    std::string all_clear;           // On a cancel: the 解除 card's text, or empty.
    int all_clear_minutes = 5;       // How long the card stays.
    // The screens it is for (core/audience.hpp); empty: every screen. A cancel is given the
    // groups of the notice it ends, so that it reaches the same screens.
    std::vector<std::string> groups;
};

// The newest notice of each id among `notices` (from every source: the notices delivered on
// their own and the feed's); a later `issued` wins, and between equal ones the later in the list.
std::vector<Notice> newest_of_each_id(const std::vector<Notice>& notices);

// What the notices put on screen at one instant.
struct NoticeView {
    enum class Kind { None, Band, FullScreen, AllClear };
    Kind kind = Kind::None;
    const Notice* notice = nullptr;  // Points into the list given.
    // For a band with several notices due: which one (1-based) of how many, cycling.
    int position = 0;
    int count = 0;
    // When the view next changes by itself (a notice starts, ends, the band turns to the next
    // one), in unix seconds; INT64_MAX when nothing is due to change.
    std::int64_t next_change = INT64_MAX;
    bool operator==(const NoticeView& other) const {
        return kind == other.kind && notice == other.notice && position == other.position &&
               count == other.count;
    }
};

// How long a band shows each notice before the next, when several are due.
inline constexpr int kNoticeBandTurnSeconds = 10;

// The view at `now`, from the newest notice of each id (newest_of_each_id). A notice is shown
// from its start until it expires, and never longer than `max_seconds` (the screen's own limit,
// notice_max_minutes: a notice signed to last a week does not hold a lobby for a week); the
// highest level wins, the newest within it. An urgent notice takes the whole screen; else a band.
// A cancel with an all-clear text shows its card for all_clear_minutes after it was issued,
// when no notice is due.
NoticeView notice_view_at(const std::vector<Notice>& newest, WallTime now, double max_seconds);

// "通知", "警告", "紧急通知": the level's word, for a notice without a title.
std::string notice_level_word(NoticeLevel level);
// "information", "warning", "urgent": the level's name in JSON.
std::string notice_level_name(NoticeLevel level);
// The level a name stands for (notice_level_name's inverse), or nothing.
std::optional<NoticeLevel> parse_notice_level(std::string_view name);

}  // namespace placard
