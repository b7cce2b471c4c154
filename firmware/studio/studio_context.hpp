// What the studio's request handlers share: the data folder, the publisher, the sign-in
// throttle, where its pages are, and the clock (a test's, or the system's).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/bounded_http_server.hpp"
#include "studio/fleet.hpp"
#include "studio/media_library.hpp"
#include "studio/preview_renderer.hpp"
#include "studio/publisher.hpp"
#include "studio/sessions.hpp"
#include "studio/sign_in_throttle.hpp"
#include "studio/studio_folder.hpp"

namespace placard {

struct StudioOptions {
    std::filesystem::path pages;  // assets/studio: the HTML, CSS and JavaScript.
    // Cookies marked Secure (RFC 6265 §4.1.2.5): for a studio reached over HTTPS (TLS directly
    // in front of it, such as nginx), so that the session never travels in clear text.
    bool secure_cookies = false;
};

struct StudioContext {
    StudioContext(StudioFolder folder_in, StudioOptions options_in)
        : folder(std::move(folder_in)),
          publisher(folder.data, folder.key, *folder.db),
          media(folder.data, *folder.db),
          options(std::move(options_in)) {}

    StudioFolder folder;
    Publisher publisher;
    MediaLibrary media;
    SignInThrottle throttle;
    StudioOptions options;
    std::function<std::int64_t()> now;
    std::unique_ptr<PreviewRenderer> preview;  // Null: previews answer 503.
    std::unique_ptr<Fleet> fleet;              // The screens (issue 16).
    // Previews of unsaved feeds being read or drawn: each holds its feed (up to 8 MiB) in
    // memory and on disk while it waits for the renderer, so only a few at once.
    std::atomic<int> unsaved_previews{0};
    // The seed page's plain-text importer (tools/importers), given by the program: text in, a
    // feed "articles[]" object's JSON out.
    std::function<Result<std::string>(std::string_view text, const std::string& id)> import_article;

    StudioDatabase& db() { return *folder.db; }
};

inline constexpr std::string_view kSessionCookie = "placard_session";

// The signed-in session of a request (its cookie), if any.
std::optional<Session> request_session(StudioContext& studio, const HttpRequestHead& head);

}  // namespace placard
