// Decodes every image a bundle names, to prove each is a PNG or JPEG within the size limits
// before the bundle is taken. One "where: what" line per bad image.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/content_model.hpp"
#include "core/problem_list.hpp"

namespace placard {

// All images of a bundle together: 64 Mpx, 256 MB decoded — what a 1 GB board can hold while
// the player scales a new version's images beside the one on screen. (The seed page's banners
// are under 2 Mpx each.)
inline constexpr long kBundlePixelBudget = 64L * 1024 * 1024;

ProblemList check_bundle_images(const std::filesystem::path& bundle_dir, const Feed& feed);

}  // namespace placard
