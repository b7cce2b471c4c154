// The header clock's characters — the ten digits and the colon — shaped once, when a home
// screen is laid out (on the content thread), so that the render thread sets the time each
// minute by placing glyphs it already has: no HarfBuzz shaping or ICU line breaking on it
// for the clock. The result is what layout_paragraph would give for the same text, as long as
// the font does not kern digits (Noto Sans CJK's tabular figures do not; the golden images,
// compared at tolerance 0, would show a difference).
#pragma once

#include <array>
#include <string_view>

#include "text/font_library.hpp"
#include "text/paragraph_layout.hpp"

namespace placard {

class ClockFace {
  public:
    ClockFace() = default;
    // Shapes each character alone, as one line in `style` (one_line_style of the clock fonts).
    explicit ClockFace(const ParagraphStyle& style);

    // `text` (digits and ':' only; anything else is left out) as one laid-out line.
    LaidOutParagraph set(std::string_view text) const;
    // The fonts it was shaped with (null before): a painter's kept clock is good while they are
    // the same.
    const FontChain* fonts() const { return fonts_; }

  private:
    const FontChain* fonts_ = nullptr;
    static constexpr std::string_view kCharacters = "0123456789:";
    std::array<LaidOutParagraph, kCharacters.size()> shaped_{};
};

}  // namespace placard
