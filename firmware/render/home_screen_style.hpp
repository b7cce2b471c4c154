// The home screen's colours, type sizes (at 1080 px; scaled by the screen's unit) and fonts.
#pragma once

#include <cmath>

#include "render/canvas.hpp"
#include "text/font_library.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

inline constexpr Color kPaper = 0xFFF4EFE6;
inline constexpr Color kHeaderBackground = 0xFFFFFBF4;
inline constexpr Color kPartyRed = 0xFFA4161A;
inline constexpr Color kInk = 0xFF1F1F1F;
inline constexpr Color kMetaGray = 0xFF6B6B6B;
inline constexpr Color kFooterBackground = 0xFF7D1416;
inline constexpr Color kFooterInk = 0xFFF6E9D8;
inline constexpr Color kTickerBackground = 0xFF8E1317;
inline constexpr Color kTickerLabelBackground = 0xFFC9A227;
inline constexpr Color kCaptionShade = 0x99000000;
inline constexpr Color kWhite = 0xFFFFFFFF;
inline constexpr Color kDotIdle = 0xCCFFFFFF;

struct HomeScreenFonts {
    const FontChain* title = nullptr;      // Site name, 44 px bold.
    const FontChain* heading = nullptr;    // Article title, 40 px bold.
    const FontChain* clock = nullptr;      // 40 px bold.
    const FontChain* date = nullptr;       // 26 px.
    const FontChain* caption = nullptr;    // Banner captions, 28 px.
    const FontChain* meta = nullptr;       // 22 px.
    const FontChain* highlight = nullptr;  // 26 px.
    const FontChain* body = nullptr;       // 28 px.
    const FontChain* ticker = nullptr;     // 30 px.
    const FontChain* footer = nullptr;     // 20 px.

    static Result<HomeScreenFonts> open(FontLibrary& fonts, float unit) {
        HomeScreenFonts set;
        const std::tuple<const FontChain**, FontRole, float> wanted[] = {
            {&set.title, FontRole::Bold, 44},     {&set.heading, FontRole::Bold, 40},
            {&set.clock, FontRole::Bold, 40},     {&set.date, FontRole::Body, 26},
            {&set.caption, FontRole::Body, 28},   {&set.meta, FontRole::Body, 22},
            {&set.highlight, FontRole::Body, 26}, {&set.body, FontRole::Body, 28},
            {&set.ticker, FontRole::Body, 30},    {&set.footer, FontRole::Body, 20}};
        for (const auto& [slot, role, size] : wanted) {
            auto chain = fonts.chain(role, std::max(8, static_cast<int>(std::lround(size * unit))));
            if (!chain) {
                return chain.error();
            }
            *slot = *chain;
        }
        return set;
    }
};

// A one-line paragraph, for headings and labels.
ParagraphStyle one_line_style(const FontChain* fonts, float measure, Align align = Align::Start);
// The width of a one-line paragraph (0 when it is empty).
inline float first_line_width(const LaidOutParagraph& paragraph) {
    return paragraph.lines.empty() ? 0 : paragraph.lines[0].width;
}

}  // namespace placard
