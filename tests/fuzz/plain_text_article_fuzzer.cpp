// libFuzzer target for import-text (`placard-tool import-text FILE`: an article copied from a web
// page as plain text). Any bytes in, an article or a refusal naming the input, never a crash.
// For UTF-8 input (the tool refuses anything else before importing) the article is UTF-8 too,
// and its feed JSON (article_to_json) reads back as the same article.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "fuzz_check.hpp"
#include "importers/plain_text_article.hpp"

namespace {

using placard::fuzz::require;

std::string optional_text(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found == object.end() ? std::string() : found->get<std::string>();
}

std::vector<std::string> optional_list(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found == object.end() ? std::vector<std::string>()
                                 : found->get<std::vector<std::string>>();
}

void check_article(const placard::Article& article, bool utf8_input) {
    require(!article.id.empty() && !article.channel.empty() && !article.title.empty() &&
                !article.body.empty(),
            "an imported article has an id, a channel, a title and a body");
    require(
        article.published.empty() || (article.published.size() == 10 &&
                                      article.published[4] == '-' && article.published[7] == '-'),
        "published is YYYY-MM-DD or none");
    for (const auto* field : {&article.title, &article.author, &article.source, &article.note}) {
        require(field->find('\n') == std::string::npos, "article fields are single lines");
    }
    for (const auto& paragraph : article.body) {
        require(!paragraph.empty() && paragraph.find('\n') == std::string::npos,
                "a body paragraph is one non-empty line");
    }
    if (!utf8_input) {
        return;  // import-text refuses such input before this point; nothing to print.
    }
    const std::string json_text = placard::article_to_json(article);
    require(placard::utf8::is_valid(json_text), "the article's JSON is UTF-8");
    const auto json = nlohmann::json::parse(json_text, nullptr, false);
    require(json.is_object(), "article_to_json gives a JSON object");
    require(optional_text(json, "id") == article.id &&
                optional_text(json, "channel") == article.channel &&
                optional_text(json, "title") == article.title &&
                optional_text(json, "author") == article.author &&
                optional_text(json, "source") == article.source &&
                optional_text(json, "published") == article.published &&
                optional_list(json, "highlights") == article.highlights &&
                optional_list(json, "body") == article.body &&
                optional_text(json, "note") == article.note,
            "article_to_json reads back as the same article");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool utf8_input = placard::utf8::is_valid(text);
    // As `import-text FILE` (the channel from the breadcrumb) and `--id a1 --channel news FILE`.
    for (const auto& options : {placard::ImportOptions{}, placard::ImportOptions{"a1", "news"}}) {
        const auto article = placard::import_plain_text_article(text, "page.txt", options);
        if (!article) {
            placard::fuzz::require_message(article.error().message, "page.txt:");
            continue;
        }
        check_article(*article, utf8_input);
    }
    return 0;
}
