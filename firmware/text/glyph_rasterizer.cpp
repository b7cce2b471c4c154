#include "text/glyph_rasterizer.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstring>

#include "text/font_face.hpp"

namespace placard {

GlyphBitmap rasterize_glyph(FT_Face ft, int pixel_size, std::uint32_t glyph) {
    GlyphBitmap bitmap;
    // Every size shares the file's FreeType face; set this one's size when it differs.
    if (ft->size->metrics.x_ppem != pixel_size &&
        FT_Set_Pixel_Sizes(ft, 0, static_cast<FT_UInt>(pixel_size)) != 0) {
        return bitmap;
    }
    // Light hinting snaps only vertically: crisp horizontal strokes in Han characters without
    // distorting the advances HarfBuzz laid out.
    if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_RENDER) != 0 ||
        ft->glyph->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) {
        return bitmap;
    }
    const FT_Bitmap& source = ft->glyph->bitmap;
    bitmap.width = static_cast<int>(source.width);
    bitmap.height = static_cast<int>(source.rows);
    bitmap.left = ft->glyph->bitmap_left;
    bitmap.top = ft->glyph->bitmap_top;
    bitmap.coverage.resize(static_cast<std::size_t>(bitmap.width) * bitmap.height);
    for (int row = 0; row < bitmap.height; ++row) {
        std::memcpy(bitmap.coverage.data() + static_cast<std::size_t>(row) * bitmap.width,
                    source.buffer + static_cast<std::ptrdiff_t>(row) * source.pitch,
                    static_cast<std::size_t>(bitmap.width));
    }
    return bitmap;
}

GlyphRasterizer::GlyphRasterizer() {
    if (FT_Init_FreeType(&library_) != 0) {
        library_ = nullptr;
    }
}

GlyphRasterizer::~GlyphRasterizer() {
    for (auto& [file, face] : faces_) {
        if (face != nullptr) {
            FT_Done_Face(face);
        }
    }
    if (library_ != nullptr) {
        FT_Done_FreeType(library_);
    }
}

std::optional<GlyphBitmap> GlyphRasterizer::rasterize(const FontFace& face, std::uint32_t glyph) {
    if (library_ == nullptr) {
        return std::nullopt;
    }
    const auto key = std::make_pair(face.file().path(), face.file().index());
    auto found = faces_.find(key);
    if (found == faces_.end()) {
        FT_Face opened = nullptr;
        // Only the very file the render thread's face was opened from (a font upgraded since
        // would give other glyphs for the same ids); a failure is remembered, not retried.
        if (file_identity(key.first) != face.file().identity() ||
            FT_New_Face(library_, key.first.c_str(), key.second, &opened) != 0 ||
            file_identity(key.first) != face.file().identity()) {
            if (opened != nullptr) {
                FT_Done_Face(opened);
            }
            opened = nullptr;
        }
        found = faces_.emplace(key, opened).first;
    }
    if (found->second == nullptr) {
        return std::nullopt;
    }
    return rasterize_glyph(found->second, face.pixel_size(), glyph);
}

}  // namespace placard
