// placard-tool import-text [--id ID] [--channel ID] FILE
#include <cstdio>

#include "commands.hpp"
#include "core/read_file.hpp"
#include "core/utf8.hpp"
#include "importers/plain_text_article.hpp"
#include "runtime/log.hpp"

namespace placard::tool {

int import_text_command(const Arguments& arguments) {
    ImportOptions options;
    std::string file;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if ((argument == "--id" || argument == "--channel") && i + 1 < arguments.size()) {
            (argument == "--id" ? options.article_id : options.channel_id) = arguments[++i];
        } else if (argument.starts_with("--")) {
            log_error("import-text: unknown option \"" + argument + "\"");
            return 2;
        } else if (file.empty()) {
            file = argument;
        } else {
            log_error("import-text: one FILE only");
            return 2;
        }
    }
    if (file.empty()) {
        log_error("import-text: usage: import-text [--id ID] [--channel ID] FILE");
        return 2;
    }
    auto text = read_file(file, 4 * 1024 * 1024);
    if (!text) {
        log_error(text.error().message);
        return 1;
    }
    if (!utf8::is_valid(*text)) {
        log_error(file + ": not valid UTF-8 text");
        return 1;
    }
    auto article = import_plain_text_article(*text, file, options);
    if (!article) {
        log_error(article.error().message);
        return 1;
    }
    std::fputs(article_to_json(*article).c_str(), stdout);
    return 0;
}

}  // namespace placard::tool
