#include "render/png_stream.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace placard::png {
namespace {

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

Deflater::Deflater() {
    ready_ = deflateInit2(&stream_, 1, Z_DEFLATED, -15, 8, Z_RLE) == Z_OK;
}

Deflater::~Deflater() {
    if (ready_) {
        deflateEnd(&stream_);
    }
}

bool Deflater::deflate(const Bytef* data, std::size_t size, bool last, std::vector<Bytef>& out) {
    if (!ready_ || deflateReset(&stream_) != Z_OK) {
        return false;
    }
    out.resize(deflateBound(&stream_, size) + 16);
    stream_.next_in = const_cast<Bytef*>(data);
    stream_.avail_in = static_cast<uInt>(size);
    stream_.next_out = out.data();
    stream_.avail_out = static_cast<uInt>(out.size());
    const int result = ::deflate(&stream_, last ? Z_FINISH : Z_SYNC_FLUSH);
    const bool ok = last ? result == Z_STREAM_END : result == Z_OK;
    out.resize(stream_.total_out);
    return ok;
}

void deflate(Deflater& deflater, Part& part, bool last) {
    part.deflated_ok = deflater.deflate(part.rows, part.size, last, part.deflated);
    part.adler = adler32(adler32(0, nullptr, 0), part.rows, static_cast<uInt>(part.size));
}

Status write_file(const std::string& path, int width, int height, Bytef colour_type,
                  const std::vector<Part>& parts) {
    // zlib stream: header, the raw parts, the Adler-32 of all the rows (RFC 1950).
    uLong adler = adler32(0, nullptr, 0);
    std::vector<Bytef> idat = {0x78, 0x01};
    for (const Part& part : parts) {
        adler = adler32_combine(adler, part.adler, static_cast<z_off_t>(part.size));
        idat.insert(idat.end(), part.deflated.begin(), part.deflated.end());
    }
    put_u32(idat, static_cast<std::uint32_t>(adler));

    std::vector<Bytef> header;
    put_u32(header, static_cast<std::uint32_t>(width));
    put_u32(header, static_cast<std::uint32_t>(height));
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

}  // namespace placard::png
