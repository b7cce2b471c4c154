#include "text/font_config.hpp"

namespace placard {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

FontConfig default_font_config() {
    FontConfig config;
    config.body = {{"Noto Sans CJK SC", false}, {"DejaVu Sans", false}};
    config.bold = {{"Noto Sans CJK SC", true}, {"DejaVu Sans", true}};
    return config;
}

Result<FontConfig> parse_font_config(std::string_view text, std::string_view origin) {
    FontConfig config;
    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) {
            line = line.substr(0, hash);
        }
        line = trim(line);
        if (line.empty()) {
            continue;
        }
        const std::string where = std::string(origin) + ":" + std::to_string(line_number) + ": ";
        const auto equals = line.find('=');
        if (equals == std::string_view::npos) {
            return make_error(where + "expected ROLE = FAMILY, FAMILY, ...");
        }
        const std::string_view role = trim(line.substr(0, equals));
        std::vector<FontFamilyChoice>* chain = nullptr;
        if (role == "body") {
            chain = &config.body;
        } else if (role == "bold") {
            chain = &config.bold;
        } else {
            return make_error(where + "unknown role \"" + std::string(role) +
                              "\" (expected body or bold)");
        }
        chain->clear();
        std::string_view families = line.substr(equals + 1);
        while (!families.empty()) {
            const auto comma = families.find(',');
            std::string_view entry = trim(families.substr(0, comma));
            families =
                comma == std::string_view::npos ? std::string_view() : families.substr(comma + 1);
            FontFamilyChoice choice;
            if (entry.ends_with(":bold")) {
                choice.bold = true;
                entry = trim(entry.substr(0, entry.size() - 5));
            }
            if (entry.empty()) {
                return make_error(where + "empty family name");
            }
            choice.family = std::string(entry);
            chain->push_back(std::move(choice));
        }
        if (chain->empty()) {
            return make_error(where + "no families for " + std::string(role));
        }
    }
    if (config.body.empty() || config.bold.empty()) {
        return make_error(std::string(origin) + ": needs both a body and a bold chain");
    }
    return config;
}

}  // namespace placard
