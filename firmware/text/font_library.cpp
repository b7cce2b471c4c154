#include "text/font_library.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

namespace placard {

Result<FontFileName> FontLibrary::find_family(const std::string& family, bool bold) {
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
    FontFileName found{file ? reinterpret_cast<const char*>(file) : "", index};
    FcPatternDestroy(match);
    if (!family_matches || found.path.empty()) {
        return make_error("font \"" + family + "\" is not installed");
    }
    return found;
}

Result<std::unique_ptr<FontLibrary>> FontLibrary::create(const FontConfig& config) {
    std::unique_ptr<FontLibrary> fonts(new FontLibrary());
    if (FT_Init_FreeType(&fonts->library_) != 0) {
        fonts->library_ = nullptr;
        return make_error("FreeType: cannot initialise");
    }
    const std::pair<FontRole, const std::vector<FontFamilyChoice>*> roles[] = {
        {FontRole::Body, &config.body}, {FontRole::Bold, &config.bold}};
    for (const auto& [role, chain] : roles) {
        std::vector<FontFileName>& files = fonts->files_[role];
        for (const FontFamilyChoice& choice : *chain) {
            auto file = find_family(choice.family, choice.bold);
            if (file) {
                files.push_back(*file);
            } else if (files.empty()) {
                return make_error(file.error().message +
                                  " (Debian: apt-get install fonts-noto-cjk)");
            } else {
                fonts->warnings_.push_back(file.error().message + "; left out of the chain");
            }
        }
    }
    return fonts;
}

FontLibrary::~FontLibrary() {
    chains_.clear();
    faces_.clear();
    opened_files_.clear();
    if (library_) {
        FT_Done_FreeType(library_);
    }
}

Result<const FontChain*> FontLibrary::chain(FontRole role, int pixel_size) {
    if (pixel_size < 4 || pixel_size > 1024) {
        return make_error("font size " + std::to_string(pixel_size) + " px is outside 4..1024 px");
    }
    std::lock_guard lock(mutex_);
    const auto key = std::make_pair(role, pixel_size);
    if (const auto found = chains_.find(key); found != chains_.end()) {
        return static_cast<const FontChain*>(found->second.get());
    }
    auto chain = std::make_unique<FontChain>();
    auto& opened = faces_[key];
    for (const FontFileName& name : files_.at(role)) {
        // One FreeType and HarfBuzz face per file, shared by every size.
        auto& file = opened_files_[{name.path, name.index}];
        if (!file) {
            auto opened_file = FontFile::open(library_, name.path, name.index);
            if (!opened_file) {
                opened_files_.erase({name.path, name.index});
                if (chain->faces.empty()) {
                    faces_.erase(key);
                    return opened_file.error();
                }
                continue;
            }
            file = std::move(opened_file.value());
        }
        auto face = FontFace::create(*file, pixel_size);
        if (!face) {
            if (chain->faces.empty()) {
                faces_.erase(key);
                return face.error();
            }
            continue;  // A fallback that cannot be opened only narrows the coverage.
        }
        chain->faces.push_back(face->get());
        opened.push_back(std::move(face.value()));
    }
    const FontChain* result = chain.get();
    chains_[key] = std::move(chain);
    return result;
}

Result<const FontFace*> FontLibrary::face(FontRole role, int pixel_size) {
    auto found = chain(role, pixel_size);
    if (!found) {
        return found.error();
    }
    return &(*found)->primary();
}

}  // namespace placard
