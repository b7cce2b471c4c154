#include "render/image_file.hpp"

#include <cmath>
#include <cstring>
#include <memory>

namespace placard {
namespace {

// Samples `image` at fractional (x, y) with bilinear weights, per channel including alpha.
std::uint32_t sample(const Image& image, float x, float y) {
    x = std::clamp(x, 0.0f, static_cast<float>(image.width - 1));
    y = std::clamp(y, 0.0f, static_cast<float>(image.height - 1));
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, image.width - 1), y1 = std::min(y0 + 1, image.height - 1);
    const auto fx = static_cast<std::uint32_t>((x - static_cast<float>(x0)) * 256);
    const auto fy = static_cast<std::uint32_t>((y - static_cast<float>(y0)) * 256);
    const auto at = [&](int px, int py) {
        return image.pixels[static_cast<std::size_t>(py) * image.width + px];
    };
    const std::uint32_t a = at(x0, y0), b = at(x1, y0), c = at(x0, y1), d = at(x1, y1);
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const std::uint32_t top = ((a >> shift) & 0xFF) * (256 - fx) + ((b >> shift) & 0xFF) * fx;
        const std::uint32_t bottom =
            ((c >> shift) & 0xFF) * (256 - fx) + ((d >> shift) & 0xFF) * fx;
        const std::uint32_t value = (top * (256 - fy) + bottom * fy) >> 16;
        out |= std::min<std::uint32_t>(value, 255) << shift;
    }
    return out;
}

// Resamples the source rectangle (sx, sy, sw, sh) to width × height. Downscaling by more than 2×
// first halves the image by box filtering, so that bilinear sampling does not alias.
Image resample(const Image& source, float sx, float sy, float sw, float sh, int width, int height) {
    Image out;
    out.width = std::max(1, width);
    out.height = std::max(1, height);
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    if (sw / static_cast<float>(out.width) > 2.0f && sh / static_cast<float>(out.height) > 2.0f &&
        source.width >= 2 && source.height >= 2) {
        Image half;
        half.width = source.width / 2;
        half.height = source.height / 2;
        half.pixels.resize(static_cast<std::size_t>(half.width) * half.height);
        for (int y = 0; y < half.height; ++y) {
            for (int x = 0; x < half.width; ++x) {
                const auto at = [&](int px, int py) {
                    return source.pixels[static_cast<std::size_t>(py) * source.width + px];
                };
                const std::uint32_t p[4] = {at(2 * x, 2 * y), at(2 * x + 1, 2 * y),
                                            at(2 * x, 2 * y + 1), at(2 * x + 1, 2 * y + 1)};
                std::uint32_t pixel = 0;
                for (int shift = 0; shift < 32; shift += 8) {
                    std::uint32_t sum = 2;
                    for (const std::uint32_t v : p) {
                        sum += (v >> shift) & 0xFF;
                    }
                    pixel |= (sum / 4) << shift;
                }
                half.pixels[static_cast<std::size_t>(y) * half.width + x] = pixel;
            }
        }
        return resample(half, sx / 2, sy / 2, sw / 2, sh / 2, width, height);
    }
    const float step_x = sw / static_cast<float>(out.width);
    const float step_y = sh / static_cast<float>(out.height);
    for (int y = 0; y < out.height; ++y) {
        const float source_y = sy + (static_cast<float>(y) + 0.5f) * step_y - 0.5f;
        for (int x = 0; x < out.width; ++x) {
            const float source_x = sx + (static_cast<float>(x) + 0.5f) * step_x - 0.5f;
            out.pixels[static_cast<std::size_t>(y) * out.width + x] =
                sample(source, source_x, source_y);
        }
    }
    return out;
}

}  // namespace

Image scale_to_cover(const Image& image, int width, int height) {
    const float scale = std::max(static_cast<float>(width) / static_cast<float>(image.width),
                                 static_cast<float>(height) / static_cast<float>(image.height));
    const float sw = static_cast<float>(width) / scale, sh = static_cast<float>(height) / scale;
    return resample(image, (static_cast<float>(image.width) - sw) / 2,
                    (static_cast<float>(image.height) - sh) / 2, sw, sh, width, height);
}

Image scale_to_fit(const Image& image, int width, int height) {
    const float scale = std::min(static_cast<float>(width) / static_cast<float>(image.width),
                                 static_cast<float>(height) / static_cast<float>(image.height));
    return resample(image, 0, 0, static_cast<float>(image.width), static_cast<float>(image.height),
                    static_cast<int>(std::lround(static_cast<float>(image.width) * scale)),
                    static_cast<int>(std::lround(static_cast<float>(image.height) * scale)));
}

Image rotate_clockwise(const Image& image, int degrees) {
    if (degrees % 360 == 0) {
        return image;
    }
    Image out;
    const bool quarter = degrees == 90 || degrees == 270;
    out.width = quarter ? image.height : image.width;
    out.height = quarter ? image.width : image.height;
    out.pixels.resize(image.pixels.size());
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            int ox = x, oy = y;
            if (degrees == 90) {
                ox = image.height - 1 - y, oy = x;
            } else if (degrees == 180) {
                ox = image.width - 1 - x, oy = image.height - 1 - y;
            } else {
                ox = y, oy = image.width - 1 - x;
            }
            out.pixels[static_cast<std::size_t>(oy) * out.width + ox] =
                image.pixels[static_cast<std::size_t>(y) * image.width + x];
        }
    }
    return out;
}

}  // namespace placard
