#include "core/utf8.hpp"

#include <cstdio>

namespace placard::utf8 {
namespace {

// Length of a well-formed sequence at `pos`, or 0.
std::size_t sequence_length(std::string_view text, std::size_t pos, char32_t& out) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        out = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size()) {
        return 0;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) {
            return 0;
        }
        value = (value << 6) | (byte(i) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    out = value;
    return length;
}

}  // namespace

char32_t decode_next(std::string_view text, std::size_t& pos) {
    char32_t value = 0;
    const std::size_t length = sequence_length(text, pos, value);
    if (length == 0) {
        ++pos;
        return U'\uFFFD';
    }
    pos += length;
    return value;
}

char32_t decode_previous(std::string_view text, std::size_t pos, std::size_t& start) {
    start = pos - 1;
    while (start > 0 && pos - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
        --start;
    }
    std::size_t walk = start;
    const char32_t value = decode_next(text, walk);
    if (walk != pos) {
        start = pos - 1;
        return U'\uFFFD';
    }
    return value;
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string make_valid(std::string_view text) {
    if (is_valid(text)) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        append(out, decode_next(text, pos));
    }
    return out;
}

std::string escape_for_message(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t value = 0;
        const std::size_t length = sequence_length(text, pos, value);
        if (length == 0) {
            const auto byte = static_cast<unsigned char>(text[pos]);
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
            ++pos;
            continue;
        }
        const bool control = value < 0x20 || value == 0x7F || (value >= 0x80 && value < 0xA0) ||
                             value == 0x2028 || value == 0x2029;
        if (control) {
            char escaped[16];
            std::snprintf(escaped, sizeof escaped, value < 0x80 ? "\\x%02x" : "\\u{%04x}",
                          static_cast<unsigned>(value));
            out += escaped;
        } else {
            out.append(text.substr(pos, length));
        }
        pos += length;
    }
    return out;
}

bool is_valid(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t value = 0;
        const std::size_t length = sequence_length(text, pos, value);
        if (length == 0) {
            return false;
        }
        pos += length;
    }
    return true;
}

}  // namespace placard::utf8
