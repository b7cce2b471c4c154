// One font file at one pixel size: a HarfBuzz font for shaping, a FreeType face for rasterizing.
//
// Shaping uses HarfBuzz's own OpenType functions (hb_ot_font), not hb-ft, so the content thread
// can lay out text while the main thread rasterizes glyphs: the two never share the FT_Face,
// which FreeType does not allow across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"

struct hb_font_t;
struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace placard {

struct FontMetrics {
    float ascender = 0;   // Pixels above the baseline.
    float descender = 0;  // Pixels below the baseline (positive).
    float em = 0;         // The pixel size.
};

class FontFace {
  public:
    // `library` must outlive the face. `index` selects a face in a collection (.ttc).
    static Result<std::unique_ptr<FontFace>> open(FT_LibraryRec_* library, const std::string& path,
                                                  int index, int pixel_size);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    hb_font_t* shaping_font() const { return hb_font_; }
    // Only the thread that owns the glyph cache may use this.
    FT_FaceRec_* raster_face() const { return ft_face_; }
    const FontMetrics& metrics() const { return metrics_; }
    int pixel_size() const { return pixel_size_; }
    // Distinct for every face opened in this process; glyph cache keys use it.
    std::uint32_t id() const { return id_; }
    const std::string& path() const { return path_; }

  private:
    FontFace() = default;
    hb_font_t* hb_font_ = nullptr;
    FT_FaceRec_* ft_face_ = nullptr;
    FontMetrics metrics_;
    int pixel_size_ = 0;
    std::uint32_t id_ = 0;
    std::string path_;
};

}  // namespace placard
