#include "core/schedule_gaps.hpp"

#include <algorithm>

namespace placard {

std::vector<ScheduleGap> schedule_gaps(std::span<const ScheduledItem> items, WallTime from,
                                       int days) {
    const bool scheduled = std::any_of(items.begin(), items.end(), [](const ScheduledItem& item) {
        return item.schedule || item.from || item.until;
    });
    std::vector<ScheduleGap> gaps;
    if (!scheduled) {
        return gaps;
    }
    // Schedules open and close on whole minutes (and dates on days): one look a minute sees
    // every change.
    const WallTime first{from.unix_seconds - (from.unix_seconds % 60 + 60) % 60,
                         from.utc_offset_minutes};
    const int minutes = days * 24 * 60;
    bool open = false;
    for (int minute = 0; minute < minutes; ++minute) {
        const WallTime now = first.plus_seconds(minute * 60.0);
        int playing = -1;
        first_playing_items(items, now, std::span<int>(&playing, 1));
        if (playing < 0 && !open) {
            gaps.push_back(ScheduleGap{now, 0});
            open = true;
        }
        if (playing < 0) {
            ++gaps.back().minutes;
        } else {
            open = false;
        }
    }
    return gaps;
}

}  // namespace placard
