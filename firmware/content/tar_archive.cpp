#include "content/tar_archive.hpp"

#include <algorithm>
#include <cstring>
#include <set>
#include <sstream>

#include "core/feed_parser.hpp"
#include "core/utf8.hpp"

namespace placard {
namespace {

constexpr std::size_t kBlock = 512;

// An octal number field, NUL or space terminated.
bool parse_octal(std::string_view field, std::uint64_t& out) {
    out = 0;
    std::size_t i = 0;
    while (i < field.size() && field[i] == ' ') {
        ++i;
    }
    bool any = false;
    for (; i < field.size() && field[i] != '\0' && field[i] != ' '; ++i) {
        if (field[i] < '0' || field[i] > '7' || out > (UINT64_MAX >> 3)) {
            return false;
        }
        out = out * 8 + static_cast<std::uint64_t>(field[i] - '0');
        any = true;
    }
    return any;
}

std::string field_string(const char* data, std::size_t size) {
    return std::string(data, strnlen(data, size));
}

std::uint64_t header_checksum(const unsigned char* header) {
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i) {
        sum += (i >= 148 && i < 156) ? ' ' : header[i];
    }
    return sum;
}

void put_octal(char* field, std::size_t size, std::uint64_t value) {
    std::string digits(size - 1, '0');
    for (std::size_t i = size - 1; i-- > 0;) {
        digits[i] = static_cast<char>('0' + (value & 7));
        value >>= 3;
    }
    std::memcpy(field, digits.data(), size - 1);
    field[size - 1] = '\0';
}

}  // namespace

TarReader::TarReader(std::istream& in, std::string origin, TarLimits limits)
    : in_(in), origin_(std::move(origin)), limits_(limits) {}

Status TarReader::skip_rest() {
    char buffer[kBlock];
    std::uint64_t left = remaining_ + padding_;
    while (left > 0) {
        const auto step = static_cast<std::streamsize>(std::min<std::uint64_t>(left, kBlock));
        in_.read(buffer, step);
        if (in_.gcount() != step) {
            return make_error(origin_ + ": " + current_ +
                              ": truncated (the archive ends inside it)");
        }
        left -= static_cast<std::uint64_t>(step);
    }
    remaining_ = padding_ = 0;
    return Done{};
}

Result<std::optional<TarReader::Header>> TarReader::next() {
    if (auto skipped = skip_rest(); !skipped) {
        return skipped.error();
    }
    while (true) {
        char text[kBlock];
        in_.read(text, kBlock);
        if (in_.gcount() != static_cast<std::streamsize>(kBlock)) {
            return make_error(origin_ + ": truncated (no end-of-archive marker)");
        }
        const auto* header = reinterpret_cast<const unsigned char*>(text);
        if (std::all_of(header, header + kBlock, [](unsigned char c) { return c == 0; })) {
            return std::optional<Header>();  // End of archive (two zero blocks; one will do).
        }
        std::string path = field_string(text, 100);
        const std::string prefix = field_string(text + 345, 155);
        if (!prefix.empty()) {
            path = prefix + "/" + path;
        }
        const std::string entry = origin_ + ": " + utf8::escape_for_message(path);
        std::uint64_t size = 0, stored_sum = 0;
        if (!parse_octal(std::string_view(text + 148, 8), stored_sum) ||
            stored_sum != header_checksum(header)) {
            return make_error(entry + ": header checksum mismatch (damaged archive)");
        }
        if (!parse_octal(std::string_view(text + 124, 12), size)) {
            return make_error(entry + ": unreadable size");
        }
        const char type = text[156];
        if (type == '1') {
            return make_error(entry + ": is a hard link (not allowed in a bundle)");
        }
        if (type == '2') {
            return make_error(entry + ": is a symbolic link (not allowed in a bundle)");
        }
        if (type == '3' || type == '4' || type == '6') {
            return make_error(entry + ": is a device or FIFO (not allowed in a bundle)");
        }
        if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
            return make_error(entry + ": extended headers are not supported");
        }
        const bool directory = type == '5';
        if (!directory && type != '0' && type != '\0' && type != '7') {
            return make_error(entry + ": unsupported entry type '" +
                              utf8::escape_for_message(std::string(1, type)) + "'");
        }
        if (!utf8::is_valid(path)) {
            return make_error(entry + ": name is not valid UTF-8");
        }
        std::string normalized = path;
        if (directory && !normalized.empty() && normalized.back() == '/') {
            normalized.pop_back();
        }
        if (!is_safe_bundle_path(normalized) ||
            std::any_of(normalized.begin(), normalized.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
            return make_error(entry + ": not a relative path inside the bundle");
        }
        if (size > limits_.max_entry_bytes) {
            return make_error(ErrorKind::TooLarge,
                              entry + ": " + std::to_string(size) + " bytes, more than the " +
                                  std::to_string(limits_.max_entry_bytes) + "-byte limit");
        }
        current_ = utf8::escape_for_message(normalized);
        remaining_ = size;
        padding_ = (kBlock - size % kBlock) % kBlock;
        if (directory) {
            if (auto skipped = skip_rest(); !skipped) {
                return skipped.error();
            }
            continue;
        }
        total_ += size;
        if (total_ > limits_.max_total_bytes) {
            return make_error(ErrorKind::TooLarge, origin_ + ": expands to more than " +
                                                       std::to_string(limits_.max_total_bytes) +
                                                       " bytes");
        }
        if (std::find(names_.begin(), names_.end(), normalized) != names_.end()) {
            return make_error(entry + ": appears twice");
        }
        if (names_.size() >= limits_.max_entries) {
            return make_error(
                ErrorKind::TooLarge,
                origin_ + ": more than " + std::to_string(limits_.max_entries) + " files");
        }
        names_.push_back(normalized);
        return std::optional<Header>(Header{std::move(normalized), size});
    }
}

Status TarReader::read_data(const std::function<Status(std::string_view)>& sink) {
    static constexpr std::size_t kPiece = 64 * 1024;
    std::string buffer(static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, kPiece)), '\0');
    while (remaining_ > 0) {
        const auto step = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, kPiece));
        in_.read(buffer.data(), static_cast<std::streamsize>(step));
        if (in_.gcount() != static_cast<std::streamsize>(step)) {
            return make_error(origin_ + ": " + current_ +
                              ": truncated (the archive ends inside it)");
        }
        remaining_ -= step;
        if (auto taken = sink(std::string_view(buffer.data(), step)); !taken) {
            return taken;
        }
    }
    return skip_rest();
}

Result<std::string> TarReader::read_all(std::uint64_t max_bytes) {
    if (remaining_ > max_bytes) {
        return make_error(ErrorKind::TooLarge,
                          origin_ + ": " + current_ + ": " + std::to_string(remaining_) +
                              " bytes, more than the " + std::to_string(max_bytes) + "-byte limit");
    }
    std::string data;
    data.reserve(static_cast<std::size_t>(remaining_));
    PLACARD_TRY(read_data([&](std::string_view piece) {
        data.append(piece);
        return Status(Done{});
    }));
    return data;
}

Result<std::vector<TarEntry>> read_tar(std::string_view archive, std::string_view origin,
                                       const TarLimits& limits) {
    std::istringstream in{std::string(archive)};
    TarReader reader(in, std::string(origin), limits);
    std::vector<TarEntry> entries;
    while (true) {
        const auto header = PLACARD_TRY(reader.next());
        if (!header) {
            return entries;
        }
        // The data into a local first: a PLACARD_TRY that returns from inside a braced
        // initializer would leave the members built before it undestroyed.
        std::string data = PLACARD_TRY(reader.read_all(limits.max_entry_bytes));
        entries.push_back(TarEntry{header->path, std::move(data)});
    }
}

Result<std::string> write_tar(const std::vector<TarEntry>& entries) {
    std::string out;
    for (const TarEntry& entry : entries) {
        char header[kBlock] = {};
        std::string name = entry.path, prefix;
        if (name.size() > 99) {
            const auto slash = name.rfind('/', 154);
            if (slash == std::string::npos || name.size() - slash - 1 > 99) {
                return make_error(entry.path + ": path too long for the archive");
            }
            prefix = name.substr(0, slash);
            name = name.substr(slash + 1);
        }
        // ustar's fields are fixed-width and need no terminator (the header is zero-filled).
        // NOLINTNEXTLINE(bugprone-not-null-terminated-result)
        std::memcpy(header, name.data(), name.size());
        put_octal(header + 100, 8, 0644);
        put_octal(header + 108, 8, 0);
        put_octal(header + 116, 8, 0);
        put_octal(header + 124, 12, entry.data.size());
        put_octal(header + 136, 12, 0);  // mtime 0: the same content packs to the same bytes.
        header[156] = '0';
        std::memcpy(header + 257, "ustar", 6);
        std::memcpy(header + 263, "00", 2);       // NOLINT(bugprone-not-null-terminated-result)
        std::memcpy(header + 345, prefix.data(),  // NOLINT(bugprone-not-null-terminated-result)
                    prefix.size());
        const std::uint64_t sum = header_checksum(reinterpret_cast<unsigned char*>(header));
        put_octal(header + 148, 7, sum);
        header[155] = ' ';
        out.append(header, kBlock);
        out += entry.data;
        out.append((kBlock - entry.data.size() % kBlock) % kBlock, '\0');
    }
    out.append(2 * kBlock, '\0');
    return out;
}

}  // namespace placard
