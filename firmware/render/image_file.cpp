#include "render/image_file.hpp"

#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

namespace placard {
namespace {

// Where output column or row i samples the source: the two neighbours and the weight of the
// second, in 1/256.
struct Tap {
    int first = 0, second = 0;
    std::uint32_t weight = 0;
};

std::vector<Tap> taps(int count, float start, float step, int limit) {
    std::vector<Tap> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const float position = std::clamp(start + (static_cast<float>(i) + 0.5f) * step - 0.5f,
                                          0.0f, static_cast<float>(limit - 1));
        const int first = static_cast<int>(position);
        out[static_cast<std::size_t>(i)] =
            Tap{first, std::min(first + 1, limit - 1),
                static_cast<std::uint32_t>((position - static_cast<float>(first)) * 256)};
    }
    return out;
}

// Bilinear mix of four pixels, each channel (alpha too) weighted in 1/256.
std::uint32_t bilinear(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d,
                       std::uint32_t fx, std::uint32_t fy) {
    // Two channels at a time in 16-bit lanes: 0x00AA00GG and 0x00RR00BB.
    const auto lerp = [](std::uint32_t p, std::uint32_t q, std::uint32_t f) {
        const std::uint32_t low =
            (((p & 0x00FF00FF) * (256 - f) + (q & 0x00FF00FF) * f) >> 8) & 0x00FF00FF;
        const std::uint32_t high =
            ((((p >> 8) & 0x00FF00FF) * (256 - f) + ((q >> 8) & 0x00FF00FF) * f)) & 0xFF00FF00;
        return low | high;
    };
    return lerp(lerp(a, b, fx), lerp(c, d, fx), fy);
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
    // The taps are worked out once per column and per row, not per pixel.
    const std::vector<Tap> columns =
        taps(out.width, sx, sw / static_cast<float>(out.width), source.width);
    const std::vector<Tap> rows =
        taps(out.height, sy, sh / static_cast<float>(out.height), source.height);
    for (int y = 0; y < out.height; ++y) {
        const Tap& row = rows[static_cast<std::size_t>(y)];
        const std::uint32_t* top =
            source.pixels.data() + static_cast<std::size_t>(row.first) * source.width;
        const std::uint32_t* bottom =
            source.pixels.data() + static_cast<std::size_t>(row.second) * source.width;
        std::uint32_t* target = out.pixels.data() + static_cast<std::size_t>(y) * out.width;
        for (int x = 0; x < out.width; ++x) {
            const Tap& column = columns[static_cast<std::size_t>(x)];
            target[x] = bilinear(top[column.first], top[column.second], bottom[column.first],
                                 bottom[column.second], column.weight, row.weight);
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
