// What both PNG writers share (png_writer.hpp for screens, grey_png_writer.hpp for text): rows
// deflated in parts on two threads, pigz's way — every part but the last ends on a byte-aligned
// sync flush, so the parts concatenate into one zlib stream (RFC 1950/1951) — with run-length
// deflate at zlib's fastest setting, which suits flat screens and text.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace placard::png {

// Raw deflate of parts of one stream, each on its own: the last part finishes the stream, the
// others end on a sync flush. One per thread, kept from part to part (a deflate state is a
// quarter megabyte: made and freed for every part, it cost page faults and TLB flushes).
class Deflater {
  public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    bool deflate(const Bytef* data, std::size_t size, bool last, std::vector<Bytef>& out);

  private:
    z_stream stream_{};
    bool ready_ = false;
};

// Filtered scanlines (filter byte, then samples) of a run of rows, deflated on their own.
struct Part {
    const Bytef* rows = nullptr;
    std::size_t size = 0;
    std::vector<Bytef> deflated;  // The rows deflated.
    bool deflated_ok = false;
    uLong adler = 1;  // Adler-32 of the rows (RFC 1950), taken by the thread that deflates them.
};

// Deflates `part` (the image's last when `last`).
void deflate(Deflater& deflater, Part& part, bool last);

// Writes the file: signature, IHDR (8 bits a sample, `colour_type` 0 grey, 2 RGB, 6 RGBA), one
// IDAT of the parts in order with the Adler-32 of all rows, IEND.
Status write_file(const std::string& path, int width, int height, Bytef colour_type,
                  const std::vector<Part>& parts);

}  // namespace placard::png
