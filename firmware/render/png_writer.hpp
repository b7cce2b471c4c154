// Writes images as 8-bit PNG: grey when the picture is opaque grey, RGB when opaque, else
// RGBA. Fast: the rows are deflated in two halves on two threads (pigz's way: the first half
// ends on a byte-aligned sync flush so the halves concatenate into one zlib stream), with
// run-length deflate at zlib's fastest setting, which suits flat screens and text. A 1920×1080
// screen takes a few milliseconds; SDL_image's IMG_SavePNG took over 90 % of render-text's time.
#pragma once

#include <string>

#include "core/result.hpp"
#include "render/canvas.hpp"

namespace placard {

Status save_png(const Image& image, const std::string& path);

}  // namespace placard
