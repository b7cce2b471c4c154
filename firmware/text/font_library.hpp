// Finds fonts by family through fontconfig and keeps every face it opens for the life of the
// process, so that layouts and glyph caches can hold plain pointers to them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "core/result.hpp"
#include "text/font_face.hpp"

namespace placard {

// What a piece of text is for; each role maps to a font family and weight.
enum class FontRole { Body, Bold };

struct FontFile {
    std::string path;
    int index = 0;
};

class FontLibrary {
  public:
    static Result<std::unique_ptr<FontLibrary>> create();
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // The face for `role` at `pixel_size`, opened on first use. Safe from any thread.
    Result<const FontFace*> face(FontRole role, int pixel_size);

    // Asks fontconfig for `family` at `bold` weight for Simplified Chinese; fails when the best
    // match is some other family, so a missing font is reported rather than silently replaced.
    static Result<FontFile> find_family(const std::string& family, bool bold);

  private:
    FontLibrary() = default;
    std::mutex mutex_;
    struct FT_LibraryRec_* library_ = nullptr;
    std::map<FontRole, FontFile> files_;
    std::map<std::pair<FontRole, int>, std::unique_ptr<FontFace>> faces_;
};

}  // namespace placard
