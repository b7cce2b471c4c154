// Decodes every image a bundle names, to prove each is a PNG or JPEG within the size limits
// before the bundle is taken. One "where: what" line per bad image.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/content_model.hpp"

namespace placard {

std::vector<std::string> check_bundle_images(const std::filesystem::path& bundle_dir,
                                             const Feed& feed);

}  // namespace placard
