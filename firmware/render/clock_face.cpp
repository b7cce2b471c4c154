#include "render/clock_face.hpp"

namespace placard {

ClockFace::ClockFace(const ParagraphStyle& style) : fonts_(style.fonts) {
    for (std::size_t i = 0; i < kCharacters.size(); ++i) {
        shaped_[i] = layout_paragraph(kCharacters.substr(i, 1), style);
    }
}

LaidOutParagraph ClockFace::set(std::string_view text) const {
    LaidOutParagraph result;
    LaidOutLine line;
    bool first = true;
    float pen = 0;  // The next character's origin, from the line's left edge.
    for (const char c : text) {
        const auto index = kCharacters.find(c);
        if (index == std::string_view::npos || shaped_[index].lines.empty()) {
            continue;
        }
        const LaidOutParagraph& shaped = shaped_[index];
        const LaidOutLine& alone = shaped.lines.front();
        if (first) {
            line.x = alone.x;
            line.baseline = alone.baseline;
            result.height = shaped.height;
            first = false;
        }
        for (PositionedGlyph glyph : alone.glyphs) {
            glyph.x += pen + line.x - alone.x;
            line.glyphs.push_back(glyph);
        }
        line.text += c;
        pen += alone.width;
    }
    if (first) {
        return result;
    }
    line.width = pen;
    result.lines.push_back(std::move(line));
    return result;
}

}  // namespace placard
