// An 8-bit grey PNG taken row by row from RGBA pixels, for tall text images (render-text): only
// a band of the RGBA pixels need exist at once, and every 128 rows are deflated on a second
// thread while the next ones are still being drawn (png_stream.hpp); what is left when the last
// row comes is shared by both threads. Rows use the Up filter (PNG 1.2, 6.3): a row like the one
// above it — the blank between lines — becomes zeros.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "render/png_stream.hpp"

namespace placard {

class GreyPngWriter {
  public:
    GreyPngWriter(int width, int height);
    ~GreyPngWriter();
    GreyPngWriter(const GreyPngWriter&) = delete;
    GreyPngWriter& operator=(const GreyPngWriter&) = delete;

    // The next row, from `width` pixels 0xAARRGGBB; false when one is not opaque grey (the image
    // then needs save_png's colour path), and for every row after that.
    bool add_row(const std::uint32_t* pixels);

    // Writes the file; every row must have been added.
    Status save(const std::string& path);

  private:
    // Deflates complete parts in order until none is ready; the worker waits for more until
    // the writer is done.
    void deflate_parts(bool wait);
    // Up-filters `pixels` into `out`; false when one is not opaque grey.
    bool filter_row(const std::uint32_t* pixels, Bytef* out);
    void finish();

    int width_, height_;
    int added_ = 0;
    std::size_t stride_;  // 1 filter byte + width samples.
    std::unique_ptr<Bytef[]> rows_;
    std::vector<Bytef> previous_;  // The last row's samples, unfiltered.
    std::vector<std::uint32_t> white_row_;
    bool previous_white_ = false;  // previous_ is all 255 (the first row's "above" is 0).
    bool refused_ = false;         // A row was not grey.
    std::vector<png::Part> parts_;
    std::mutex mutex_;
    std::condition_variable more_;
    std::size_t parts_complete_ = 0;  // Parts whose rows are all added.
    std::size_t next_part_ = 0;       // The next part for a thread to deflate.
    bool done_ = false;               // No more parts will become complete.
    std::thread worker_;
};

}  // namespace placard
