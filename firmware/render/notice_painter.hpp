// Urgent notices on screen (core/notice.hpp decides which, this draws it): information and
// warning as a band over the foot of the screen, urgent over the whole screen, the all-clear
// (解除) card as a green band. The text is set by the same CLREQ engine as articles, at sizes
// read across a lobby: the band at 40 px (at 1080 px), the full screen at up to 60 px.
//
// Laid out ahead (NoticeBoard), on the thread that reads the notices, so that a notice arriving
// costs the render thread nothing but the drawing.
#pragma once

#include <memory>
#include <vector>

#include "core/notice.hpp"
#include "render/canvas.hpp"
#include "render/home_screen.hpp"
#include "text/font_library.hpp"
#include "text/glyph_cache.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

struct LaidOutNotice {
    Notice notice;
    // The band: the label in its box (the title, else the level's word, or 解除) and the text
    // beside it, at most three lines.
    LaidOutParagraph label;
    LaidOutParagraph band_text;
    // The whole screen: the title, the text's paragraphs, and when it was issued.
    LaidOutParagraph title;
    std::vector<LaidOutParagraph> body;
    LaidOutParagraph issued;
    float body_top = 0;  // Where the title starts, so that the whole block is centred.
};

// Notices laid out for one screen size.
struct NoticeBoard {
    std::vector<LaidOutNotice> notices;
    std::vector<char32_t> missing;  // Characters no font has, to log (missing_characters.hpp).
};

std::shared_ptr<const NoticeBoard> lay_out_notices(const std::vector<Notice>& notices,
                                                   FontLibrary& fonts,
                                                   const HomeScreenGeometry& geometry);

// The band's place, over the foot of the screen (the ticker and the footer).
Rect notice_band_area(const HomeScreenGeometry& geometry);

// Draws `view` (not None) for `notice`, within the canvas's clip: the band, or the whole screen.
void draw_notice(Canvas& canvas, GlyphCache& glyphs, const LaidOutNotice& notice,
                 const NoticeView& view, const HomeScreenGeometry& geometry);

}  // namespace placard
