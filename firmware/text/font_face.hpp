// Fonts in memory. A FontFile is one face of a font file, opened once per process: a FreeType
// face for rasterizing and a HarfBuzz face for shaping (its tables are shared by every size). A
// FontFace is that file at one pixel size.
//
// Shaping uses HarfBuzz's own OpenType functions (hb_ot_font), not hb-ft, so the content thread
// can lay out text while the main thread rasterizes glyphs: the two never share the FT_Face,
// which FreeType does not allow across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.hpp"

struct hb_face_t;
struct hb_font_t;
struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace placard {

// Which file a path named when it was opened: a font package upgraded while the player runs
// puts a new file at the same path, and glyph ids from the old one mean nothing in it.
struct FileIdentity {
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t modified_ns = 0;
    bool operator==(const FileIdentity&) const = default;
};
// The identity of the file at `path` now; all zero when it cannot be read.
FileIdentity file_identity(const std::string& path);

class FontFile {
  public:
    // `library` must outlive the file. `index` selects a face in a collection (.ttc).
    static Result<std::unique_ptr<FontFile>> open(FT_LibraryRec_* library, const std::string& path,
                                                  int index);
    ~FontFile();
    FontFile(const FontFile&) = delete;
    FontFile& operator=(const FontFile&) = delete;

    hb_face_t* shaping_face() const { return hb_face_; }
    // Only the thread that owns the glyph cache may use this; it sets the size it needs.
    FT_FaceRec_* raster_face() const { return ft_face_; }
    const std::string& path() const { return path_; }
    int index() const { return index_; }  // The face's index in its file (a collection).
    const FileIdentity& identity() const { return identity_; }  // Of the file when opened.

  private:
    FontFile() = default;
    hb_face_t* hb_face_ = nullptr;
    FT_FaceRec_* ft_face_ = nullptr;
    std::string path_;
    int index_ = 0;
    FileIdentity identity_;
};

struct FontMetrics {
    float ascender = 0;   // Pixels above the baseline.
    float descender = 0;  // Pixels below the baseline (positive).
    float em = 0;         // The pixel size.
};

class FontFace {
  public:
    // `file` must outlive the face.
    static Result<std::unique_ptr<FontFace>> create(const FontFile& file, int pixel_size);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    hb_font_t* shaping_font() const { return hb_font_; }
    const FontFile& file() const { return *file_; }
    const FontMetrics& metrics() const { return metrics_; }
    int pixel_size() const { return pixel_size_; }
    // Distinct for every face created in this process; glyph cache keys use it.
    std::uint32_t id() const { return id_; }

  private:
    FontFace() = default;
    const FontFile* file_ = nullptr;
    hb_font_t* hb_font_ = nullptr;
    FontMetrics metrics_;
    int pixel_size_ = 0;
    std::uint32_t id_ = 0;
};

}  // namespace placard
