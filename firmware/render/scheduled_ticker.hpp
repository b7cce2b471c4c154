// The ticker's line (要闻) when some of its items carry a schedule (issue 14): the items that
// play at a moment — those due, of the highest priority, or the fillers when none is due
// (core/rotation.hpp's playing_items) — scroll by together, joined by ●. Schedules open and
// close on whole minutes, so the set is looked at once a minute, and the line is laid out again
// only when the set changed; the home screen's layout stays as it was built.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/wall_time.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

struct HomeScreenLayout;

// The items joined as the ticker shows them: two ideographic spaces, ●, two more between items.
std::string join_ticker_items(const std::vector<std::string>& items,
                              const std::vector<std::size_t>& chosen);
// The ticker's period for a line of `text_width`: the width plus the gap before it repeats (six
// em), in whole pixels.
float ticker_period(float text_width, float em);

class ScheduledTicker {
  public:
    // Brings the line up to date for `now` on `layout`; cheap unless the minute changed.
    void update(const HomeScreenLayout& layout, WallTime now);
    const LaidOutParagraph& text() const { return text_; }
    // 0 when nothing plays: the ticker's band is then empty, as without items.
    float period() const { return period_; }
    // Changes whenever the line does (a drawn strip of it is then out of date).
    unsigned generation() const { return generation_; }

  private:
    std::uint64_t layout_ = 0;  // The serial of the layout the line was set for.
    long long minute_ = LLONG_MIN;
    std::vector<std::size_t> playing_;
    LaidOutParagraph text_;
    float period_ = 0;
    unsigned generation_ = 0;
};

}  // namespace placard
