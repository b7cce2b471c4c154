#include "render/scheduled_ticker.hpp"

#include <cmath>

#include "core/rotation.hpp"
#include "render/home_screen.hpp"
#include "render/home_screen_style.hpp"
#include "text/punctuation_normalizer.hpp"

namespace placard {

std::string join_ticker_items(const std::vector<std::string>& items,
                              const std::vector<std::size_t>& chosen) {
    std::string joined;
    for (const std::size_t index : chosen) {
        joined += (joined.empty() ? "" : "\u3000\u3000●\u3000\u3000") + items[index];
    }
    return joined;
}

float ticker_period(float text_width, float em) {
    return std::ceil(text_width + 6 * em);
}

void ScheduledTicker::update(const HomeScreenLayout& layout, WallTime now) {
    const long long minute = (now.unix_seconds + now.utc_offset_minutes * 60LL) / 60;
    if (layout.serial == layout_ && minute == minute_) {
        return;
    }
    minute_ = minute;
    std::vector<std::size_t> playing = playing_items(layout.ticker_schedule, now);
    if (layout.serial == layout_ && playing == playing_) {
        return;
    }
    layout_ = layout.serial;
    playing_ = std::move(playing);
    ++generation_;
    if (playing_.empty()) {
        text_ = LaidOutParagraph{};
        period_ = 0;
        return;
    }
    text_ = layout_paragraph(
        normalize_ascii_punctuation(join_ticker_items(layout.ticker_items, playing_)),
        one_line_style(layout.ticker_fonts, 1e7f));
    const float width = text_.lines.empty() ? 0 : text_.lines[0].width;
    period_ = ticker_period(width, layout.ticker_fonts->primary().metrics().em);
}

}  // namespace placard
