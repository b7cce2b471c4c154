#include "runtime/install_paths.hpp"

#include <filesystem>

namespace placard {
namespace {

std::string first_existing(std::initializer_list<const char*> candidates, bool folder) {
    for (const char* candidate : candidates) {
        std::error_code error;
        const bool exists = folder ? std::filesystem::is_regular_file(
                                         std::filesystem::path(candidate) / "feed.json", error)
                                   : std::filesystem::is_regular_file(candidate, error);
        if (exists) {
            return candidate;
        }
    }
    return {};
}

}  // namespace

std::string default_content_dir() {
    return first_existing({PLACARD_INSTALLED_DEMO_DIR, PLACARD_SOURCE_DEMO_DIR}, true);
}

std::string default_layout_path(bool portrait) {
    if (portrait) {
        return first_existing({PLACARD_INSTALLED_LAYOUTS_DIR "/portrait.json",
                               PLACARD_SOURCE_LAYOUTS_DIR "/portrait.json"},
                              false);
    }
    return first_existing({PLACARD_INSTALLED_LAYOUTS_DIR "/landscape.json",
                           PLACARD_SOURCE_LAYOUTS_DIR "/landscape.json"},
                          false);
}

std::string default_studio_pages_dir() {
    const std::string page = first_existing(
        {PLACARD_INSTALLED_STUDIO_DIR "/sign-in.html", PLACARD_SOURCE_STUDIO_DIR "/sign-in.html"},
        false);
    return page.empty() ? page : std::filesystem::path(page).parent_path().string();
}

std::string default_font_config_path() {
    return first_existing({PLACARD_INSTALLED_FONTS_CONF, PLACARD_SOURCE_FONTS_CONF}, false);
}

}  // namespace placard
