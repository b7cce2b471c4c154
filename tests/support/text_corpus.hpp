// The texts the typography tests set: the seed article's paragraphs and the corpus files under
// tests/data (one paragraph a line).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/plain_text_article.hpp"
#include "text/punctuation_normalizer.hpp"

namespace placard::testing {

inline std::string read_source_file(const std::string& relative_path) {
    std::ifstream in(std::string(PLACARD_SOURCE_DIR) + "/" + relative_path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The seed article's highlights and body, each as written and with its ASCII punctuation
// normalized when `both_forms`, else normalized only.
inline std::vector<std::string> seed_article_paragraphs(bool both_forms) {
    std::vector<std::string> paragraphs;
    auto article = import_plain_text_article(read_source_file("assets/demo/source/seed-page.txt"),
                                             "seed-page.txt");
    if (!article) {
        return paragraphs;
    }
    for (const auto* list : {&article->highlights, &article->body}) {
        for (const std::string& paragraph : *list) {
            if (both_forms) {
                paragraphs.push_back(paragraph);
            }
            paragraphs.push_back(normalize_ascii_punctuation(paragraph));
        }
    }
    return paragraphs;
}

// The non-empty lines of a file under the source tree.
inline std::vector<std::string> corpus_paragraphs(const std::string& relative_path) {
    std::vector<std::string> paragraphs;
    std::istringstream lines(read_source_file(relative_path));
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            paragraphs.push_back(line);
        }
    }
    return paragraphs;
}

}  // namespace placard::testing
