#include "render/png_writer.hpp"

#include <thread>
#include <vector>

#include "render/png_stream.hpp"

namespace placard {
namespace {

// Text rendered black on white is grey throughout: one channel instead of three.
bool is_grey(const Image& image) {
    std::uint32_t differences = 0;
    std::uint32_t alpha = 0xFF000000u;
    for (const std::uint32_t pixel : image.pixels) {
        differences |= (pixel ^ (pixel >> 8)) & 0xFFFF;  // Red vs green, green vs blue.
        alpha &= pixel;
    }
    return differences == 0 && alpha == 0xFF000000u;
}

// The samples per pixel: 1 grey, 3 RGB, 4 RGBA (PNG colour types 0, 2, 6).
int channels_of(const Image& image, bool grey) {
    if (grey) {
        return 1;
    }
    std::uint32_t alpha = 0xFF000000u;
    for (const std::uint32_t pixel : image.pixels) {
        alpha &= pixel;
    }
    return alpha == 0xFF000000u ? 3 : 4;
}

// The filtered scanlines of rows [first, last): PNG filter byte, then the samples. Grey rows
// are left unfiltered; colour rows use Sub (PNG 1.2, 6.3), which turns gradients into runs.
std::vector<Bytef> filtered_rows(const Image& image, bool grey, int channels_per_pixel, int first,
                                 int last) {
    const auto channels = static_cast<std::size_t>(channels_per_pixel);
    const std::size_t stride = 1 + static_cast<std::size_t>(image.width) * channels;
    std::vector<Bytef> out(stride * static_cast<std::size_t>(last - first));
    for (int y = first; y < last; ++y) {
        Bytef* row = out.data() + stride * static_cast<std::size_t>(y - first);
        const std::uint32_t* source =
            image.pixels.data() + static_cast<std::size_t>(y) * image.width;
        if (grey) {
            row[0] = 0;
            for (int x = 0; x < image.width; ++x) {
                row[1 + x] = static_cast<Bytef>(source[x]);
            }
            continue;
        }
        row[0] = 1;
        std::uint32_t previous = 0;
        for (int x = 0; x < image.width; ++x) {
            const std::uint32_t pixel = source[x];
            Bytef* sample = row + 1 + static_cast<std::size_t>(x) * channels;
            sample[0] = static_cast<Bytef>((pixel >> 16) - (previous >> 16));
            sample[1] = static_cast<Bytef>((pixel >> 8) - (previous >> 8));
            sample[2] = static_cast<Bytef>(pixel - previous);
            if (channels == 4) {
                sample[3] = static_cast<Bytef>((pixel >> 24) - (previous >> 24));
            }
            previous = pixel;
        }
    }
    return out;
}

}  // namespace

Status save_png(const Image& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0) {
        return make_error(path + ": nothing to write (empty image)");
    }
    const bool grey = is_grey(image);
    const int channels = channels_of(image, grey);
    const int middle = image.height / 2;
    // Two halves, two threads; each half's filtered rows and deflated bytes.
    std::vector<Bytef> rows[2];
    std::vector<png::Part> halves(2);
    const auto compress = [&](int part) {
        rows[part] = filtered_rows(image, grey, channels, part == 0 ? 0 : middle,
                                   part == 0 ? middle : image.height);
        halves[part].rows = rows[part].data();
        halves[part].size = rows[part].size();
        png::Deflater deflater;
        png::deflate(deflater, halves[part], part == 1);
    };
    std::thread second(compress, 1);
    compress(0);
    second.join();
    if (!halves[0].deflated_ok || !halves[1].deflated_ok) {
        return make_error(path + ": cannot compress the image");
    }
    const Bytef colour_type = channels == 1 ? 0 : channels == 3 ? 2 : 6;
    return png::write_file(path, image.width, image.height, colour_type, halves);
}

}  // namespace placard
