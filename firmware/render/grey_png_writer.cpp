#include "render/grey_png_writer.hpp"

#include <algorithm>
#include <cstring>

namespace placard {
namespace {

constexpr int kPartRows = 128;

}  // namespace

bool GreyPngWriter::filter_row(const std::uint32_t* __restrict pixels, Bytef* __restrict out) {
    Bytef* __restrict previous = previous_.data();
    std::uint32_t differences = 0;
    std::uint32_t alpha = 0xFF000000u;
    const int width = width_;  // A local: the byte stores below could alias a member.
    for (int x = 0; x < width; ++x) {
        const std::uint32_t pixel = pixels[x];
        differences |= (pixel ^ (pixel >> 8)) & 0xFFFF;  // Red vs green, green vs blue.
        alpha &= pixel;
        const auto grey = static_cast<Bytef>(pixel);
        out[x] = static_cast<Bytef>(grey - previous[x]);
        previous[x] = grey;
    }
    return differences == 0 && alpha == 0xFF000000u;
}

GreyPngWriter::GreyPngWriter(int width, int height)
    : width_(std::max(width, 0)),
      height_(std::max(height, 0)),
      stride_(1 + static_cast<std::size_t>(width_)),
      // Not value-initialized: every byte is written by add_row before it is read.
      rows_(new Bytef[stride_ * static_cast<std::size_t>(height_)]),
      previous_(static_cast<std::size_t>(width_), 0),
      white_row_(static_cast<std::size_t>(width_), 0xFFFFFFFFu) {
    for (int first = 0; first < height_; first += kPartRows) {
        png::Part part;
        part.rows = rows_.get() + stride_ * static_cast<std::size_t>(first);
        part.size = stride_ * static_cast<std::size_t>(std::min(kPartRows, height_ - first));
        parts_.push_back(std::move(part));
    }
    worker_ = std::thread([this] { deflate_parts(true); });
}

GreyPngWriter::~GreyPngWriter() {
    finish();
}

void GreyPngWriter::finish() {
    {
        const std::lock_guard lock(mutex_);
        done_ = true;
    }
    more_.notify_all();
    if (worker_.joinable()) {
        worker_.join();
    }
}

void GreyPngWriter::deflate_parts(bool wait) {
    png::Deflater deflater;
    for (;;) {
        std::unique_lock lock(mutex_);
        if (wait) {
            more_.wait(lock, [this] { return next_part_ < parts_complete_ || done_; });
        }
        if (next_part_ >= parts_complete_) {
            return;
        }
        const std::size_t part = next_part_++;
        lock.unlock();
        png::deflate(deflater, parts_[part], part + 1 == parts_.size());
    }
}

bool GreyPngWriter::add_row(const std::uint32_t* pixels) {
    if (added_ >= height_ || refused_) {
        return false;
    }
    Bytef* row = rows_.get() + stride_ * static_cast<std::size_t>(added_);
    row[0] = 2;  // Up.
    // Most rows of a page are blank (margins, the space between lines): white under white is a
    // row of zeros, found by a comparison the C library vectorizes.
    const bool white = std::memcmp(pixels, white_row_.data(), white_row_.size() * 4) == 0;
    if (white && previous_white_) {
        std::memset(row + 1, 0, static_cast<std::size_t>(width_));
    } else if (!filter_row(pixels, row + 1)) {
        refused_ = true;  // The row above is spoilt for the Up filter: the writer is spent.
        return false;
    }
    previous_white_ = white;
    if (++added_ % kPartRows == 0 || added_ == height_) {
        {
            const std::lock_guard lock(mutex_);
            parts_complete_ = static_cast<std::size_t>((added_ + kPartRows - 1) / kPartRows);
        }
        more_.notify_one();
    }
    return true;
}

Status GreyPngWriter::save(const std::string& path) {
    if (width_ == 0 || height_ == 0) {
        return make_error(path + ": nothing to write (empty image)");
    }
    if (added_ != height_) {
        return make_error(path + ": the image has " + std::to_string(added_) + " of its " +
                          std::to_string(height_) + " rows");
    }
    deflate_parts(false);  // Share what is left with the worker.
    finish();
    for (const png::Part& part : parts_) {
        if (!part.deflated_ok) {
            return make_error(path + ": cannot compress the image");
        }
    }
    return png::write_file(path, width_, height_, 0, parts_);
}

}  // namespace placard
