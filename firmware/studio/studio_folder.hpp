// The studio's data folder (placard-studio --data DIR), readable only by the studio's user:
//
//     DIR/                 mode 0700
//     DIR/signing.key      the Ed25519 key every published version is signed with, mode 0600
//                          (made on first start; screens trust its public half)
//     DIR/studio.db        users, sessions, drafts, images, history, audit log
//                          (studio_database.hpp)
//     DIR/media/           the images, each by its SHA-256 (media_library.hpp)
//     DIR/published/       the signed versions screens pull (publisher.hpp)
//     DIR/incoming/, work/ uploads being checked, content folders being checked or previewed
//
// A new folder starts with the demo content (the seed page) published as version 1, so that
// a screen pointed at a fresh studio shows something real at once.
#pragma once

#include <filesystem>
#include <memory>

#include "content/signed_manifest.hpp"
#include "core/result.hpp"
#include "studio/studio_database.hpp"

namespace placard {

struct StudioFolder {
    std::filesystem::path data;
    SigningKey key;
    std::unique_ptr<StudioDatabase> db;
};

// Opens DIR, making what is missing (the folder, the key, the database). Refuses a signing key
// that others may read, with the command that fixes it.
Result<StudioFolder> open_studio_folder(const std::filesystem::path& data);

}  // namespace placard
