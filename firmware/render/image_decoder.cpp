#include "render/image_decoder.hpp"

// clang-format off
#include <cstdio>  // jpeglib.h needs FILE declared first.
#include <jpeglib.h>
// clang-format on
#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace placard {
namespace {

using File = std::unique_ptr<std::FILE, decltype(&std::fclose)>;

std::string describe_size(int width, int height) {
    return std::to_string(width) + "×" + std::to_string(height);
}

Status check_limits(const std::string& path, long width, long height, const ImageLimits& limits) {
    if (width <= 0 || height <= 0) {
        return make_error(path + ": image has no pixels");
    }
    if (width > limits.max_width || height > limits.max_height) {
        return make_error(ErrorKind::TooLarge,
                          path + ": image declares " + std::to_string(width) + "×" +
                              std::to_string(height) + " pixels, more than the limit of " +
                              describe_size(limits.max_width, limits.max_height));
    }
    if (width * height > limits.max_pixels) {
        return make_error(ErrorKind::TooLarge, path + ": image declares " + std::to_string(width) +
                                                   "×" + std::to_string(height) +
                                                   " pixels, more than the limit of " +
                                                   std::to_string(limits.max_pixels) + " pixels");
    }
    return Done{};
}

std::uint32_t big_endian_32(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
           (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

// Walks the PNG's chunks (PNG spec §5.3: length, type, data, CRC) before libpng inflates
// anything, and bounds the compressed image data by what the image can need: the filtered
// rows (a filter byte and the row's bytes, at most 8 bytes a pixel), with deflate's worst case
// for incompressible data (stored blocks: 5 bytes per 65,535) and some slack. A 1×1 image with
// megabytes of IDAT is refused here, instead of costing seconds of inflate at every start.
Status check_png_data_size(const std::string& path, std::FILE* file) {
    unsigned char bytes[16];
    if (std::fseek(file, 8, SEEK_SET) != 0 || std::fread(bytes, 1, 16, file) != 16 ||
        std::memcmp(bytes + 4, "IHDR", 4) != 0) {
        return make_error(path + ": cannot decode PNG (no IHDR chunk first)");
    }
    const std::uint64_t width = big_endian_32(bytes + 8), height = big_endian_32(bytes + 12);
    const std::uint64_t raw = height * (1 + width * 8) * 2;  // ×2: Adam7's passes add rows.
    const std::uint64_t bound = raw + raw / 65535 * 5 + 64 * 1024;
    std::uint64_t data = 0, other = 0;
    constexpr std::uint64_t kMaxOtherChunkBytes = 1024 * 1024;
    long position = 8;
    while (true) {
        if (std::fseek(file, position, SEEK_SET) != 0 || std::fread(bytes, 1, 8, file) != 8) {
            break;  // libpng says what is wrong with a file that ends early.
        }
        const std::uint32_t length = big_endian_32(bytes);
        if (std::memcmp(bytes + 4, "IDAT", 4) != 0) {
            // Text, profiles and the like: libpng inflates compressed text too, and a file of
            // thousands of zTXt chunks costs a minute at every start (PNG spec §11.3).
            other += length;
            if (other > kMaxOtherChunkBytes) {
                return make_error(path + ": more than " + std::to_string(kMaxOtherChunkBytes) +
                                  " bytes of text and other chunks besides the image");
            }
        } else {
            data += length;
            if (data > bound) {
                return make_error(path + ": more compressed image data than a " +
                                  std::to_string(width) + "×" + std::to_string(height) +
                                  " image can hold (damaged or hostile)");
            }
        }
        if (std::memcmp(bytes + 4, "IEND", 4) == 0) {
            break;
        }
        position += 12 + static_cast<long>(length);
    }
    std::rewind(file);
    return Done{};
}

// libpng and libjpeg report errors by longjmp: these readers create nothing with a destructor
// after setjmp and keep what they need in the caller's frame.
struct PngReader {
    png_structp png = nullptr;
    png_infop info = nullptr;
    char message[200] = "";
    ~PngReader() { png_destroy_read_struct(&png, &info, nullptr); }
};

void png_error_handler(png_structp png, png_const_charp text) {
    auto* reader = static_cast<PngReader*>(png_get_error_ptr(png));
    std::snprintf(reader->message, sizeof reader->message, "%s", text);
    png_longjmp(png, 1);
}
void png_warning_handler(png_structp, png_const_charp) {}

Result<Image> decode_png(const std::string& path, std::FILE* file, const ImageLimits& limits) {
    PngReader reader;
    reader.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, png_error_handler,
                                        png_warning_handler);
    reader.info = reader.png ? png_create_info_struct(reader.png) : nullptr;
    if (!reader.info) {
        return make_error(path + ": libpng cannot start");
    }
    Image image;
    std::vector<png_bytep> rows;
    Status within = check_png_data_size(path, file);
    if (!within) {
        return within.error();
    }
    if (setjmp(png_jmpbuf(reader.png))) {
        return make_error(path + ": cannot decode PNG (" + reader.message + ")");
    }
    png_init_io(reader.png, file);
    // Text and colour-profile chunks are never shown: skip them unread rather than inflate
    // them (libpng treats chunks listed here as unknown, and discards them).
    static constexpr png_byte kIgnored[] = "zTXt\0iTXt\0tEXt\0iCCP\0sPLT";
    png_set_keep_unknown_chunks(reader.png, PNG_HANDLE_CHUNK_NEVER, kIgnored, 5);
    png_set_chunk_malloc_max(reader.png, 8 * 1024 * 1024);
    png_read_info(reader.png, reader.info);
    const auto width = static_cast<long>(png_get_image_width(reader.png, reader.info));
    const auto height = static_cast<long>(png_get_image_height(reader.png, reader.info));
    within = check_limits(path, width, height, limits);
    if (!within) {
        return within.error();
    }
    // Whatever the file holds, read 8-bit B, G, R, A bytes: 0xAARRGGBB in a little-endian word.
    png_set_expand(reader.png);
    png_set_strip_16(reader.png);
    png_set_gray_to_rgb(reader.png);
    png_set_bgr(reader.png);
    png_set_filler(reader.png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(reader.png);
    png_read_update_info(reader.png, reader.info);
    image.width = static_cast<int>(width);
    image.height = static_cast<int>(height);
    image.pixels.resize(static_cast<std::size_t>(width) * height);
    rows.resize(static_cast<std::size_t>(height));
    for (long y = 0; y < height; ++y) {
        rows[y] = reinterpret_cast<png_bytep>(image.pixels.data() + y * width);
    }
    png_read_image(reader.png, rows.data());
    png_read_end(reader.png, nullptr);
    return image;
}

struct JpegReader {
    jpeg_decompress_struct jpeg{};
    jpeg_error_mgr errors{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX] = "";
    ~JpegReader() { jpeg_destroy_decompress(&jpeg); }
};

void jpeg_error_exit(j_common_ptr jpeg) {
    auto* reader = reinterpret_cast<JpegReader*>(jpeg->client_data);
    (*jpeg->err->format_message)(jpeg, reader->message);
    std::longjmp(reader->jump, 1);
}
// libjpeg reports damage it can decode around (a truncated file: "Premature end of JPEG file",
// grey rows filled in) as warnings (level -1). A screen should not show a half-grey banner:
// warnings are errors here.
void jpeg_message(j_common_ptr jpeg, int level) {
    if (level < 0) {
        jpeg_error_exit(jpeg);
    }
}

// A progressive JPEG may hold any number of scans, each a pass over the whole image: a file of
// thousands of small valid scans decodes for minutes. Real encoders write about ten.
constexpr int kMaxJpegScans = 64;
void limit_jpeg_scans(j_common_ptr common) {
    auto* jpeg = reinterpret_cast<j_decompress_ptr>(common);
    if (jpeg->input_scan_number > kMaxJpegScans) {
        auto* reader = reinterpret_cast<JpegReader*>(jpeg->client_data);
        std::snprintf(reader->message, sizeof reader->message, "more than %d scans", kMaxJpegScans);
        std::longjmp(reader->jump, 1);
    }
}

Result<Image> decode_jpeg(const std::string& path, std::FILE* file, const ImageLimits& limits) {
    JpegReader reader;
    reader.jpeg.err = jpeg_std_error(&reader.errors);
    reader.errors.error_exit = jpeg_error_exit;
    reader.errors.emit_message = jpeg_message;
    reader.jpeg.client_data = &reader;
    Image image;
    Status within = Done{};
    if (setjmp(reader.jump)) {
        // libjpeg-turbo says "Backing store not supported" when max_memory_to_use is reached.
        const bool too_big = std::strstr(reader.message, "Backing store") != nullptr;
        return make_error(path + ": cannot decode JPEG (" +
                          (too_big ? std::string("it needs more than 192 MiB to decode")
                                   : std::string(reader.message)) +
                          ")");
    }
    jpeg_create_decompress(&reader.jpeg);
    jpeg_progress_mgr progress{};
    progress.progress_monitor = limit_jpeg_scans;
    reader.jpeg.progress = &progress;
    // libjpeg's own working memory (a progressive image keeps all its coefficients): beyond
    // this it fails instead of growing (no backing store in libjpeg-turbo).
    reader.jpeg.mem->max_memory_to_use = 192L * 1024 * 1024;
    jpeg_stdio_src(&reader.jpeg, file);
    jpeg_read_header(&reader.jpeg, TRUE);
    within = check_limits(path, reader.jpeg.image_width, reader.jpeg.image_height, limits);
    if (!within) {
        return within.error();
    }
    reader.jpeg.out_color_space = JCS_EXT_BGRA;  // libjpeg-turbo: 0xAARRGGBB words.
    jpeg_start_decompress(&reader.jpeg);
    image.width = static_cast<int>(reader.jpeg.output_width);
    image.height = static_cast<int>(reader.jpeg.output_height);
    image.pixels.resize(static_cast<std::size_t>(image.width) * image.height);
    while (reader.jpeg.output_scanline < reader.jpeg.output_height) {
        JSAMPROW row = reinterpret_cast<JSAMPROW>(
            image.pixels.data() +
            static_cast<std::size_t>(reader.jpeg.output_scanline) * image.width);
        jpeg_read_scanlines(&reader.jpeg, &row, 1);
    }
    jpeg_finish_decompress(&reader.jpeg);
    return image;
}

}  // namespace

Result<Image> load_image(const std::string& path, const ImageLimits& limits) {
    File file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        return make_error(path + ": cannot open (" + std::strerror(errno) + ")");
    }
    unsigned char magic[8] = {};
    const std::size_t read = std::fread(magic, 1, sizeof magic, file.get());
    std::rewind(file.get());
    if (read == 8 && png_sig_cmp(magic, 0, 8) == 0) {
        return decode_png(path, file.get(), limits);
    }
    if (read >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
        return decode_jpeg(path, file.get(), limits);
    }
    return make_error(path + ": cannot decode image (not a PNG or JPEG file)");
}

}  // namespace placard
