// Resampling pictures once, when content loads, to the size they are shown at — never per
// frame. Reading and writing them is in image_decoder.hpp and png_writer.hpp.
#pragma once

#include <string>

#include "core/result.hpp"
#include "render/canvas.hpp"
#include "render/image_decoder.hpp"
#include "render/png_writer.hpp"

namespace placard {

// Scales `image` to fill width × height, cropping the overflow evenly ("cover"), bilinear.
Image scale_to_cover(const Image& image, int width, int height);
// Scales `image` to fit inside width × height keeping its aspect ratio ("contain"), bilinear.
Image scale_to_fit(const Image& image, int width, int height);

// Turns `image` clockwise by 0, 90, 180 or 270 degrees (for panels mounted sideways).
Image rotate_clockwise(const Image& image, int degrees);

}  // namespace placard
