// Reading and writing pictures (PNG, JPEG through SDL_image) and resampling them once, when
// content loads, to the size they are shown at — never per frame.
#pragma once

#include <string>

#include "core/result.hpp"
#include "render/canvas.hpp"

namespace placard {

struct ImageLimits {
    int max_width = 8192;
    int max_height = 8192;
};

Result<Image> load_image(const std::string& path, const ImageLimits& limits = {});
Status save_png(const Image& image, const std::string& path);

// Scales `image` to fill width × height, cropping the overflow evenly ("cover"), bilinear.
Image scale_to_cover(const Image& image, int width, int height);
// Scales `image` to fit inside width × height keeping its aspect ratio ("contain"), bilinear.
Image scale_to_fit(const Image& image, int width, int height);

// Turns `image` clockwise by 0, 90, 180 or 270 degrees (for panels mounted sideways).
Image rotate_clockwise(const Image& image, int degrees);

}  // namespace placard
