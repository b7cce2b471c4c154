#include "text/font_library.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

namespace placard {
namespace {

// Noto Sans CJK SC: a pan-CJK family whose SC face defaults to Simplified forms; Debian ships it
// as fonts-noto-cjk. TYPOGRAPHY.md, "Shaping and fonts".
constexpr const char* kCjkFamily = "Noto Sans CJK SC";

}  // namespace

Result<FontFile> FontLibrary::find_family(const std::string& family, bool bold) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match) {
        return make_error("font \"" + family + "\": fontconfig finds no font at all");
    }
    FcChar8* file = nullptr;
    FcChar8* matched_family = nullptr;
    int index = 0;
    FcPatternGetString(match, FC_FILE, 0, &file);
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    bool family_matches = false;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &matched_family) == FcResultMatch;
         ++i) {
        family_matches = family_matches || family == reinterpret_cast<const char*>(matched_family);
    }
    FontFile found{file ? reinterpret_cast<const char*>(file) : "", index};
    FcPatternDestroy(match);
    if (!family_matches || found.path.empty()) {
        return make_error("font \"" + family +
                          "\" is not installed (Debian: apt-get install fonts-noto-cjk)");
    }
    return found;
}

Result<std::unique_ptr<FontLibrary>> FontLibrary::create() {
    std::unique_ptr<FontLibrary> fonts(new FontLibrary());
    if (FT_Init_FreeType(&fonts->library_) != 0) {
        fonts->library_ = nullptr;
        return make_error("FreeType: cannot initialise");
    }
    auto body = find_family(kCjkFamily, false);
    if (!body) {
        return body.error();
    }
    auto bold = find_family(kCjkFamily, true);
    if (!bold) {
        return bold.error();
    }
    fonts->files_[FontRole::Body] = *body;
    fonts->files_[FontRole::Bold] = *bold;
    return fonts;
}

FontLibrary::~FontLibrary() {
    faces_.clear();
    if (library_) {
        FT_Done_FreeType(library_);
    }
}

Result<const FontFace*> FontLibrary::face(FontRole role, int pixel_size) {
    if (pixel_size < 4 || pixel_size > 1024) {
        return make_error("font size " + std::to_string(pixel_size) + " px is outside 4..1024 px");
    }
    std::lock_guard lock(mutex_);
    auto& slot = faces_[{role, pixel_size}];
    if (!slot) {
        const FontFile& file = files_.at(role);
        auto opened = FontFace::open(library_, file.path, file.index, pixel_size);
        if (!opened) {
            faces_.erase({role, pixel_size});
            return opened.error();
        }
        slot = std::move(opened.value());
    }
    return static_cast<const FontFace*>(slot.get());
}

}  // namespace placard
