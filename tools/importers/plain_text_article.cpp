#include "importers/plain_text_article.hpp"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace placard {
namespace {

// Whitespace a copied web page may carry: ASCII, NBSP (U+00A0), ideographic space (U+3000) and
// the bullet "•" that list items turn into.
std::string_view trim(std::string_view text) {
    static constexpr std::array<std::string_view, 4> kWide = {"\xC2\xA0", "\xE3\x80\x80",
                                                              "\xE2\x80\xA2", "\xEF\xBB\xBF"};
    bool changed = true;
    while (changed && !text.empty()) {
        changed = false;
        while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') {
            text.remove_prefix(1);
            changed = true;
        }
        while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') {
            text.remove_suffix(1);
            changed = true;
        }
        for (const auto wide : kWide) {
            if (text.starts_with(wide)) {
                text.remove_prefix(wide.size());
                changed = true;
            }
            if (text.ends_with(wide)) {
                text.remove_suffix(wide.size());
                changed = true;
            }
        }
    }
    return text;
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
    for (const auto prefix : prefixes) {
        if (text.starts_with(prefix)) {
            return true;
        }
    }
    return false;
}

// The value after "KEY:" or "KEY：" in a meta line, up to the next whitespace; "" when absent or
// empty (the seed writes "作者::" for an empty author).
std::string meta_value(std::string_view line, std::string_view key) {
    const auto pos = line.find(key);
    if (pos == std::string_view::npos) {
        return {};
    }
    std::string_view rest = line.substr(pos + key.size());
    while (true) {
        if (rest.starts_with(":")) {
            rest.remove_prefix(1);
        } else if (rest.starts_with("\xEF\xBC\x9A")) {  // U+FF1A FULLWIDTH COLON
            rest.remove_prefix(3);
        } else {
            break;
        }
    }
    std::size_t end = 0;
    while (end < rest.size() && static_cast<unsigned char>(rest[end]) > ' ' &&
           !rest.substr(end).starts_with("\xE3\x80\x80")) {
        ++end;
    }
    return std::string(rest.substr(0, end));
}

// "2017-7-25" -> "2017-07-25"; "" when it is not a date.
std::string normalize_date(std::string_view text) {
    int parts[3] = {0, 0, 0};
    int part = 0, digits = 0;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            // No date part has more than four digits; more is not a date (and would overflow).
            if (++digits > 4) {
                return {};
            }
            parts[part] = parts[part] * 10 + (c - '0');
        } else if ((c == '-' || c == '/' || c == '.') && part < 2 && digits > 0) {
            ++part;
            digits = 0;
        } else {
            return {};
        }
    }
    if (part != 2 || digits == 0) {
        return {};
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
    return parse_iso_date(buffer) ? std::string(buffer) : std::string();
}

// Splits "…落在深处。(福建省人民检察院副检察长…)" into the paragraph and its closing note. The note
// stands alone on screen, between Chinese text, so its parentheses become full-width.
bool split_closing_note(std::string& paragraph, std::string& note) {
    std::string_view text = paragraph;
    const bool ascii = text.ends_with(")");
    const bool wide = text.ends_with("\xEF\xBC\x89");  // U+FF09 FULLWIDTH RIGHT PARENTHESIS
    if (!ascii && !wide) {
        return false;
    }
    const std::string_view open = ascii ? "(" : "\xEF\xBC\x88";
    const std::string_view close = ascii ? ")" : "\xEF\xBC\x89";
    const auto pos = text.rfind(open);
    if (pos == std::string_view::npos || pos == 0) {
        return false;
    }
    const std::string_view inner =
        text.substr(pos + open.size(), text.size() - pos - open.size() - close.size());
    if (inner.empty() || inner.find(open) != std::string_view::npos) {
        return false;
    }
    note = "\xEF\xBC\x88" + std::string(inner) + "\xEF\xBC\x89";
    paragraph = std::string(trim(text.substr(0, pos)));
    return true;
}

// FNV-1a: a short, stable id for an article when the admin gives none.
std::string derived_id(std::string_view title) {
    std::uint32_t hash = 2166136261u;
    for (const unsigned char c : title) {
        hash = (hash ^ c) * 16777619u;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "a%08x", hash);
    return buffer;
}

}  // namespace

Result<Article> import_plain_text_article(std::string_view text, std::string_view origin,
                                          const ImportOptions& options) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(trim(text.substr(start, end - start)));
        start = end + 1;
    }
    const auto where = [&](std::size_t line) {
        return std::string(origin) + ":" + std::to_string(line + 1) + ": ";
    };

    Article article;
    std::string channel_title;
    std::size_t i = 0;
    // The breadcrumb names the channel; everything above it is the site's navigation.
    for (std::size_t j = 0; j < lines.size(); ++j) {
        if (lines[j].find("您当前的位置") != std::string_view::npos) {
            const auto last = lines[j].rfind('>');
            if (last != std::string_view::npos) {
                channel_title = std::string(trim(lines[j].substr(last + 1)));
            }
            i = j + 1;
            break;
        }
    }
    while (i < lines.size() && lines[i].empty()) {
        ++i;
    }
    if (i >= lines.size()) {
        return make_error(std::string(origin) + ": no title (expected after the breadcrumb line)");
    }
    article.title = std::string(lines[i++]);

    enum class Part { Meta, Body, Tail };
    Part part = Part::Meta;
    for (; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line.empty()) {
            continue;
        }
        if (starts_with_any(line, {"上篇", "下篇", "版权所有"})) {
            break;  // The page's navigation and footer follow the article.
        }
        if (part == Part::Meta && line.find("时间") != std::string_view::npos &&
            (line.find("来源") != std::string_view::npos ||
             line.find("作者") != std::string_view::npos)) {
            article.source = meta_value(line, "来源");
            article.author = meta_value(line, "作者");
            const std::string date = meta_value(line, "时间");
            if (!date.empty()) {
                article.published = normalize_date(date);
                if (article.published.empty()) {
                    return make_error(where(i) + "\"" + date + "\" is not a date like 2017-7-25");
                }
            }
            continue;
        }
        if (starts_with_any(line, {"来源:", "来源："})) {
            article.source = meta_value(line, "来源");
            part = Part::Tail;
            continue;
        }
        if (part == Part::Tail) {
            continue;
        }
        if (line.starts_with("●")) {
            const std::string_view highlight = trim(line.substr(std::string_view("●").size()));
            if (!highlight.empty()) {
                article.highlights.emplace_back(highlight);
            }
            part = Part::Body;
            continue;
        }
        // Before the first highlight or paragraph, a short line without sentence punctuation is
        // the author's name on a line of its own.
        if (part == Part::Meta && article.author.empty() && line.size() <= 30 &&
            line.find("。") == std::string_view::npos &&
            line.find("，") == std::string_view::npos && line.find(',') == std::string_view::npos) {
            article.author = std::string(line);
            continue;
        }
        article.body.emplace_back(line);
        part = Part::Body;
    }
    if (article.body.empty()) {
        return make_error(std::string(origin) + ": no body paragraphs after the title \"" +
                          article.title + "\"");
    }
    split_closing_note(article.body.back(), article.note);
    article.channel = options.channel_id.empty() ? channel_title : options.channel_id;
    if (article.channel.empty()) {
        return make_error(std::string(origin) +
                          ": no channel (no breadcrumb line; give one with --channel)");
    }
    article.id = options.article_id.empty() ? derived_id(article.title) : options.article_id;
    return article;
}

std::string article_to_json(const Article& article) {
    nlohmann::ordered_json object;
    object["id"] = article.id;
    object["channel"] = article.channel;
    object["title"] = article.title;
    if (!article.author.empty()) {
        object["author"] = article.author;
    }
    if (!article.source.empty()) {
        object["source"] = article.source;
    }
    if (!article.published.empty()) {
        object["published"] = article.published;
    }
    if (!article.highlights.empty()) {
        object["highlights"] = article.highlights;
    }
    object["body"] = article.body;
    if (!article.note.empty()) {
        object["note"] = article.note;
    }
    if (article.language != "zh-Hans") {
        object["language"] = article.language;
    }
    return object.dump(2, ' ', false) + "\n";
}

}  // namespace placard
