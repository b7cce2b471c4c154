// Finds the configured font families through fontconfig and keeps every face it opens for the
// life of the process, so that layouts and glyph caches can hold plain pointers to them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "text/font_config.hpp"
#include "text/font_face.hpp"

namespace placard {

// What a piece of text is for; each role has its own fallback chain.
enum class FontRole { Body, Bold };

// The faces of one role at one pixel size, in fallback order; never empty.
struct FontChain {
    std::vector<const FontFace*> faces;
    const FontFace& primary() const { return *faces.front(); }
};

struct FontFileName {
    std::string path;
    int index = 0;
};

class FontLibrary {
  public:
    // Looks up every family of `config`. The first family of each chain must be installed;
    // later ones that are not are left out and named in warnings().
    static Result<std::unique_ptr<FontLibrary>> create(
        const FontConfig& config = default_font_config());
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // The chain for `role` at `pixel_size`, opened on first use. Safe from any thread.
    Result<const FontChain*> chain(FontRole role, int pixel_size);
    // The first face of that chain.
    Result<const FontFace*> face(FontRole role, int pixel_size);
    const std::vector<std::string>& warnings() const { return warnings_; }

    // Asks fontconfig for `family`; fails when the best match is some other family, so that a
    // missing font is reported rather than silently replaced.
    static Result<FontFileName> find_family(const std::string& family, bool bold);

  private:
    FontLibrary() = default;
    std::mutex mutex_;
    struct FT_LibraryRec_* library_ = nullptr;
    std::map<FontRole, std::vector<FontFileName>> files_;
    std::map<std::pair<std::string, int>, std::unique_ptr<FontFile>> opened_files_;
    std::map<std::pair<FontRole, int>, std::vector<std::unique_ptr<FontFace>>> faces_;
    std::map<std::pair<FontRole, int>, std::unique_ptr<FontChain>> chains_;
    std::vector<std::string> warnings_;
};

}  // namespace placard
