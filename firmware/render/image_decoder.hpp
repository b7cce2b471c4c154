// Decodes PNG and JPEG files (libpng, libjpeg-turbo) into 0xAARRGGBB images.
//
// The header is read and checked against the limits before a single pixel is decoded, so that
// a file that declares 50,000 × 50,000 pixels is refused for what it claims, not after it has
// taken gigabytes (SDL_image's IMG_Load decodes first and tells the size afterwards).
#pragma once

#include <string>

#include "core/result.hpp"
#include "render/canvas.hpp"

namespace placard {

struct ImageLimits {
    int max_width = 8192;
    int max_height = 8192;
    // 32 Mpx: 128 MB decoded. What a board with 1 GB can afford for one image while it shows
    // another version.
    long max_pixels = 32L * 1024 * 1024;
};

Result<Image> load_image(const std::string& path, const ImageLimits& limits = {});

}  // namespace placard
