#include "text/shaper.hpp"

#include <hb.h>

#include <memory>

namespace placard {

std::vector<ShapedGlyph> shape_text(const FontFace& face, std::string_view text,
                                    std::string_view language) {
    std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)> buffer(hb_buffer_create(),
                                                                      &hb_buffer_destroy);
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    hb_buffer_set_language(
        buffer.get(), hb_language_from_string(language.data(), static_cast<int>(language.size())));
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(face.shaping_font(), buffer.get(), nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    std::vector<ShapedGlyph> glyphs(count);
    for (unsigned i = 0; i < count; ++i) {
        glyphs[i].glyph = infos[i].codepoint;
        glyphs[i].cluster = infos[i].cluster;
        glyphs[i].x_advance = static_cast<float>(positions[i].x_advance) / 64.0f;
        glyphs[i].x_offset = static_cast<float>(positions[i].x_offset) / 64.0f;
        glyphs[i].y_offset = static_cast<float>(positions[i].y_offset) / 64.0f;
    }
    return glyphs;
}

float measure_text(const FontFace& face, std::string_view text, std::string_view language) {
    float width = 0;
    for (const auto& glyph : shape_text(face, text, language)) {
        width += glyph.x_advance;
    }
    return width;
}

}  // namespace placard
