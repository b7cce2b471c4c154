// Rasterizing a glyph the one way Placard draws it (light hinting, 8-bit coverage), and a
// rasterizer with FreeType faces of its own, so that a thread other than the render thread can
// rasterize ahead: FreeType forbids using one face from two threads (text/font_face.hpp), so
// the render thread's glyph cache keeps the FontFile's face and a GlyphRasterizer opens the same
// files again. Both give the same bitmaps: same library, same file, same size, same flags.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace placard {

class FontFace;

struct GlyphBitmap {
    int width = 0;
    int height = 0;
    int left = 0;                        // From the pen position to the bitmap's left edge.
    int top = 0;                         // From the baseline up to the bitmap's top edge.
    std::vector<std::uint8_t> coverage;  // width × height, row-major.
};

// `glyph` of `ft` at `pixel_size` (set on the face first when it differs). Empty when FreeType
// cannot draw it: an empty bitmap draws nothing, and the layout already logged the character.
GlyphBitmap rasterize_glyph(FT_FaceRec_* ft, int pixel_size, std::uint32_t glyph);

class GlyphRasterizer {
  public:
    GlyphRasterizer();
    ~GlyphRasterizer();
    GlyphRasterizer(const GlyphRasterizer&) = delete;
    GlyphRasterizer& operator=(const GlyphRasterizer&) = delete;

    // `glyph` of `face`, drawn from this rasterizer's own FreeType face of the same file (opened
    // on first use); nothing when that file cannot be opened or is no longer the one `face`
    // was opened from (then the render thread draws the glyph itself, from its own face).
    std::optional<GlyphBitmap> rasterize(const FontFace& face, std::uint32_t glyph);

  private:
    FT_LibraryRec_* library_ = nullptr;
    std::map<std::pair<std::string, int>, FT_FaceRec_*> faces_;  // By file and face index.
};

}  // namespace placard
