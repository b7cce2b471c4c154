#include "text/shaper.hpp"

#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <memory>
#include <string>

#include "core/utf8.hpp"

namespace placard {
namespace {

struct ScriptRun {
    std::size_t begin = 0, end = 0;
    hb_script_t script = HB_SCRIPT_INVALID;
};

hb_script_t to_harfbuzz(UScriptCode code) {
    const char* name = uscript_getShortName(code);
    return name ? hb_script_from_string(name, -1) : HB_SCRIPT_INVALID;
}

// Splits `text` into runs of one script; common and inherited characters (punctuation,
// digits, combining marks) belong to the run they stand in.
std::vector<ScriptRun> itemize(std::string_view text) {
    std::vector<ScriptRun> runs;
    UScriptCode current = USCRIPT_COMMON;
    std::size_t run_start = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t c = utf8::decode_next(text, pos);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
        if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED ||
            script == current) {
            continue;
        }
        if (current != USCRIPT_COMMON) {
            runs.push_back({run_start, start, to_harfbuzz(current)});
            run_start = start;
        }
        current = script;
    }
    runs.push_back({run_start, text.size(),
                    current == USCRIPT_COMMON ? HB_SCRIPT_INVALID : to_harfbuzz(current)});
    return runs;
}

void note_missing(std::string_view text, std::size_t begin, std::size_t end,
                  std::vector<char32_t>* missing) {
    if (!missing) {
        return;
    }
    for (std::size_t pos = begin; pos < end;) {
        const char32_t c = utf8::decode_next(text, pos);
        // A joiner or variation selector in a missing cluster (a ZWJ emoji sequence, ❤ + VS16)
        // is drawn by no font: it is not what is missing (UAX #44, Default_Ignorable_Code_Point).
        if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
            continue;
        }
        if (std::find(missing->begin(), missing->end(), c) == missing->end()) {
            missing->push_back(c);
        }
    }
}

// Shapes text[begin, end) with face `index` of the chain, the rest of the text as context, and
// hands clusters without a glyph on to the next face.
void shape_range(const FontChain& chain, std::size_t index, std::string_view text,
                 std::size_t begin, std::size_t end, hb_script_t script, hb_language_t language,
                 std::vector<ShapedGlyph>& out, std::vector<char32_t>* missing) {
    const FontFace* face = chain.faces[index];
    std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)> buffer(hb_buffer_create(),
                                                                      &hb_buffer_destroy);
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()),
                       static_cast<unsigned>(begin), static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    if (script != HB_SCRIPT_INVALID) {
        hb_buffer_set_script(buffer.get(), script);
    }
    hb_buffer_set_language(buffer.get(), language);
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(face->shaping_font(), buffer.get(), nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    const bool last_face = index + 1 >= chain.faces.size();
    // Where the cluster of glyph `i` ends: the next glyph of a later cluster, or the range's end.
    const auto cluster_end = [&](unsigned i) -> std::size_t {
        for (unsigned k = i + 1; k < count; ++k) {
            if (infos[k].cluster > infos[i].cluster) {
                return infos[k].cluster;
            }
        }
        return end;
    };
    for (unsigned i = 0; i < count;) {
        if (infos[i].codepoint != 0 || last_face) {
            if (infos[i].codepoint == 0) {
                note_missing(text, infos[i].cluster, cluster_end(i), missing);
            }
            out.push_back(ShapedGlyph{face, infos[i].codepoint, infos[i].cluster,
                                      static_cast<float>(positions[i].x_advance) / 64.0f,
                                      static_cast<float>(positions[i].x_offset) / 64.0f,
                                      static_cast<float>(positions[i].y_offset) / 64.0f});
            ++i;
            continue;
        }
        // A run of missing glyphs: the characters from its first cluster to the next glyph
        // that the face has, whole clusters — the face may give a variation selector or a
        // joiner its invisible glyph, in the cluster of a character it lacks (❤️): that
        // character goes to the next face with it, rather than vanish with an empty range.
        unsigned j = i + 1;
        while (j < count && (infos[j].codepoint == 0 || infos[j].cluster == infos[j - 1].cluster)) {
            ++j;
        }
        const std::size_t range_end = j < count ? infos[j].cluster : end;
        shape_range(chain, index + 1, text, infos[i].cluster, range_end, script, language, out,
                    missing);
        i = j;
    }
}

}  // namespace

std::vector<ShapedGlyph> shape_text(const FontChain& chain, std::string_view text,
                                    std::string_view language, std::vector<char32_t>* missing) {
    std::vector<ShapedGlyph> glyphs;
    if (text.empty()) {
        return glyphs;
    }
    glyphs.reserve(text.size() / 2);
    // A tab is no glyph of any font (it was drawn as a box over the next character): it is set
    // as the space it stands for. One byte for one, so clusters still index `text`.
    std::string spaced;
    if (text.find('\t') != std::string_view::npos) {
        spaced.assign(text);
        std::replace(spaced.begin(), spaced.end(), '\t', ' ');
        text = spaced;
    }
    const hb_language_t hb_language =
        hb_language_from_string(language.data(), static_cast<int>(language.size()));
    for (const ScriptRun& run : itemize(text)) {
        shape_range(chain, 0, text, run.begin, run.end, run.script, hb_language, glyphs, missing);
    }
    return glyphs;
}

float measure_text(const FontChain& chain, std::string_view text, std::string_view language) {
    float width = 0;
    for (const auto& glyph : shape_text(chain, text, language)) {
        width += glyph.x_advance;
    }
    return width;
}

}  // namespace placard
