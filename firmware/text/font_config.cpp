#include "text/font_config.hpp"

#include "core/settings_file.hpp"

namespace placard {

FontConfig default_font_config() {
    FontConfig config;
    config.body = {{"Noto Sans CJK SC", false}, {"DejaVu Sans", false}};
    config.bold = {{"Noto Sans CJK SC", true}, {"DejaVu Sans", true}};
    return config;
}

Result<FontConfig> parse_font_config(std::string_view text, std::string_view origin) {
    FontConfig config;
    const Status read = for_each_setting(
        text, origin, "ROLE = FAMILY, FAMILY, ...",
        [&](std::string_view role, std::string_view families, const std::string& where) -> Status {
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
            while (!families.empty()) {
                const auto comma = families.find(',');
                std::string_view entry = trim_blanks(families.substr(0, comma));
                families = comma == std::string_view::npos ? std::string_view()
                                                           : families.substr(comma + 1);
                FontFamilyChoice choice;
                if (entry.ends_with(":bold")) {
                    choice.bold = true;
                    entry = trim_blanks(entry.substr(0, entry.size() - 5));
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
            return Done{};
        });
    if (!read) {
        return read.error();
    }
    if (config.body.empty() || config.bold.empty()) {
        return make_error(std::string(origin) + ": needs both a body and a bold chain");
    }
    return config;
}

}  // namespace placard
