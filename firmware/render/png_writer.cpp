#include "render/png_writer.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

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

// Raw deflate of `data`; the last part finishes the stream, the others end on a sync flush.
bool deflate_part(const std::vector<Bytef>& data, bool last, std::vector<Bytef>& out) {
    z_stream stream{};
    if (deflateInit2(&stream, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK) {
        return false;
    }
    out.resize(deflateBound(&stream, data.size()) + 16);
    stream.next_in = const_cast<Bytef*>(data.data());
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
    const bool ok = last ? result == Z_STREAM_END : result == Z_OK;
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return ok;
}

void put_u32(std::vector<Bytef>& out, std::uint32_t value) {
    out.push_back(static_cast<Bytef>(value >> 24));
    out.push_back(static_cast<Bytef>(value >> 16));
    out.push_back(static_cast<Bytef>(value >> 8));
    out.push_back(static_cast<Bytef>(value));
}

bool write_chunk(std::FILE* file, const char type[4], const Bytef* data, std::size_t size) {
    std::vector<Bytef> head;
    put_u32(head, static_cast<std::uint32_t>(size));
    head.insert(head.end(), type, type + 4);
    uLong crc = crc32(0, head.data() + 4, 4);
    if (size > 0) {  // crc32() with a null buffer would restart the CRC.
        crc = crc32(crc, data, static_cast<uInt>(size));
    }
    std::vector<Bytef> tail;
    put_u32(tail, static_cast<std::uint32_t>(crc));
    return std::fwrite(head.data(), 1, head.size(), file) == head.size() &&
           (size == 0 || std::fwrite(data, 1, size, file) == size) &&
           std::fwrite(tail.data(), 1, tail.size(), file) == tail.size();
}

}  // namespace

Status save_png(const Image& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0) {
        return make_error(path + ": nothing to write (empty image)");
    }
    const bool grey = is_grey(image);
    const int channels = channels_of(image, grey);
    const int middle = image.height / 2;
    // Two halves, two threads; each half's raw rows and deflated bytes.
    std::vector<Bytef> rows[2], deflated[2];
    bool ok[2] = {false, false};
    const auto compress = [&](int part) {
        rows[part] = filtered_rows(image, grey, channels, part == 0 ? 0 : middle,
                                   part == 0 ? middle : image.height);
        ok[part] = deflate_part(rows[part], part == 1, deflated[part]);
    };
    std::thread second(compress, 1);
    compress(0);
    second.join();
    if (!ok[0] || !ok[1]) {
        return make_error(path + ": cannot compress the image");
    }
    // zlib stream: header, the two raw parts, the Adler-32 of all the rows (RFC 1950).
    const uLong adler = adler32_combine(
        adler32(adler32(0, nullptr, 0), rows[0].data(), static_cast<uInt>(rows[0].size())),
        adler32(adler32(0, nullptr, 0), rows[1].data(), static_cast<uInt>(rows[1].size())),
        static_cast<z_off_t>(rows[1].size()));
    std::vector<Bytef> idat = {0x78, 0x01};
    idat.insert(idat.end(), deflated[0].begin(), deflated[0].end());
    idat.insert(idat.end(), deflated[1].begin(), deflated[1].end());
    put_u32(idat, static_cast<std::uint32_t>(adler));

    std::vector<Bytef> header;
    put_u32(header, static_cast<std::uint32_t>(image.width));
    put_u32(header, static_cast<std::uint32_t>(image.height));
    const Bytef colour_type = channels == 1 ? 0 : channels == 3 ? 2 : 6;
    header.insert(header.end(), {8, colour_type, 0, 0, 0});

    std::unique_ptr<std::FILE, decltype(&std::fclose)> file(std::fopen(path.c_str(), "wb"),
                                                            &std::fclose);
    if (!file) {
        return make_error(path + ": cannot write (" + std::strerror(errno) + ")");
    }
    static constexpr Bytef kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const bool written = std::fwrite(kSignature, 1, 8, file.get()) == 8 &&
                         write_chunk(file.get(), "IHDR", header.data(), header.size()) &&
                         write_chunk(file.get(), "IDAT", idat.data(), idat.size()) &&
                         write_chunk(file.get(), "IEND", nullptr, 0) &&
                         std::fflush(file.get()) == 0;
    if (!written) {
        return make_error(path + ": cannot write (" + std::strerror(errno) + ")");
    }
    return Done{};
}

}  // namespace placard
