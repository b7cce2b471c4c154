// Where Placard finds its own files: the installed copy under the install prefix when there is
// one, else the source tree's (so that a build runs without installing).
#pragma once

#include <string>

namespace placard {

// The bundled demo content folder; empty when neither copy exists.
std::string default_content_dir();
// Placard Studio's pages (assets/studio); empty when neither copy exists.
std::string default_studio_pages_dir();
// fonts/fallback.conf; empty when neither copy exists.
std::string default_font_config_path();
// assets/layouts/portrait.json or landscape.json; empty when neither copy exists.
std::string default_layout_path(bool portrait);

}  // namespace placard
