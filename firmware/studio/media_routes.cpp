#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "core/read_file.hpp"
#include "studio/audit_log.hpp"
#include "studio/permissions.hpp"
#include "studio/studio_answers.hpp"
#include "studio/studio_routes.hpp"

namespace placard {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxPastedText = 1024 * 1024;

nlohmann::json media_json(const MediaItem& item) {
    return {{"name", item.name},   {"path", "media/" + item.name},
            {"width", item.width}, {"height", item.height},
            {"size", item.size},   {"added_by", item.added_by},
            {"added", item.added}};
}

// Streams the body to the spool folder (signed-in editors only: nothing unauthenticated reaches
// the disk), bounded by kMaxUploadBytes.
Result<fs::path> spool_upload(StudioContext& studio, HttpExchange& exchange) {
    const BodyFraming framing = body_framing(exchange.head(), kMaxUploadBytes);
    if (framing.status != 0) {
        return make_error(framing.status == 413 ? ErrorKind::TooLarge : ErrorKind::Invalid,
                          framing.reason);
    }
    static std::atomic<unsigned> counter{0};
    std::error_code ignored;
    fs::create_directories(studio.media.spool(), ignored);
    const fs::path file = studio.media.spool() / ("upload-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(++counter));
    const int out =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (out < 0) {
        return make_error(ErrorKind::Failed, "cannot store the upload");
    }
    bool written = true;
    const bool complete = exchange.read_body(framing.length, [&](std::string_view piece) {
        written = ::write(out, piece.data(), piece.size()) == static_cast<ssize_t>(piece.size());
        return written;
    });
    ::close(out);
    if (!complete) {
        fs::remove(file, ignored);
        return make_error(written ? ErrorKind::Invalid : ErrorKind::Failed,
                          written ? "the upload ended before its Content-Length"
                                  : "cannot store the upload (disk full?)");
    }
    return file;
}

void upload(StudioContext& studio, HttpExchange& exchange, const Session& session) {
    if (!may(session.user.role, Action::Edit)) {
        exchange.answer(json_error(403, "您的角色不能上传图片"));
        return;
    }
    auto file = spool_upload(studio, exchange);
    if (!file) {
        exchange.answer(refusal_answer(studio, file.error()));
        return;
    }
    auto item = studio.media.add_upload(*file, session.user.name, studio.now());
    if (!item) {
        exchange.answer(refusal_answer(studio, item.error()));
        return;
    }
    record_audit(studio.db(), {studio.now(), session.user.name, "uploaded",
                               item->name + " (" + std::to_string(item->width) + "x" +
                                   std::to_string(item->height) + ")"});
    exchange.answer(json_answer(201, media_json(*item)));
}

void send_file(StudioContext& studio, HttpExchange& exchange, const std::string& name) {
    for (const MediaItem& item : studio.media.list()) {
        if (item.name == name) {
            auto data = read_file(studio.folder.data / "media" / item.sha256, kMaxUploadBytes);
            if (!data) {
                exchange.answer(refusal_answer(studio, data.error()));
                return;
            }
            HttpAnswer answer;
            answer.content_type = name.ends_with(".png") ? "image/png" : "image/jpeg";
            answer.body = std::move(*data);
            answer.fields.emplace_back("X-Content-Type-Options", "nosniff");
            exchange.answer(answer);
            return;
        }
    }
    exchange.answer(json_error(404, "no such image"));
}

}  // namespace

// GET /api/media: the library; GET /api/media/NAME: one image; POST /api/media: an upload
// (the image as the body).
void handle_media(StudioContext& studio, HttpExchange& exchange, const Session& session,
                  const std::vector<std::string>& parts) {
    const bool get = exchange.head().method == "GET";
    if (get && parts.size() == 1) {
        nlohmann::json items = nlohmann::json::array();
        for (const MediaItem& item : studio.media.list()) {
            items.push_back(media_json(item));
        }
        exchange.answer(json_answer(200, {{"media", items}}));
    } else if (get && parts.size() == 2) {
        send_file(studio, exchange, parts[1]);
    } else if (!get && parts.size() == 1) {
        upload(studio, exchange, session);
    } else {
        exchange.answer(json_error(404, "no such action"));
    }
}

// POST /api/import-article {"text": the page's text as copied, "id": optional}: the article
// the seed page's importer reads from it (`placard-tool import-text`), for the page to fill
// its fields with.
void handle_import_article(StudioContext& studio, HttpExchange& exchange, const Session& session) {
    if (!may(session.user.role, Action::Edit)) {
        exchange.answer(json_error(403, "您的角色不能编写内容"));
        return;
    }
    auto body = exchange.read_small_body(kMaxPastedText);
    if (!body) {
        return;
    }
    const auto json = nlohmann::json::parse(*body, nullptr, false);
    if (!json.is_object() || !json.contains("text") || !json["text"].is_string() ||
        (json.contains("id") && !json["id"].is_string())) {
        exchange.answer(json_error(400, "the body is not {\"text\": TEXT}"));
        return;
    }
    if (!studio.import_article) {
        exchange.answer(json_error(503, "no importer"));
        return;
    }
    auto article =
        studio.import_article(json["text"].get<std::string>(), json.value("id", std::string()));
    if (!article) {
        exchange.answer(refusal_answer(studio, article.error()));
        return;
    }
    exchange.answer(
        json_answer(200, {{"article", nlohmann::json::parse(*article, nullptr, false)}}));
}

}  // namespace placard
