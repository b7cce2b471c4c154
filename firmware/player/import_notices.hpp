// What the screen briefly says after a bundle import (USB, inbox, upload), read from the
// store's status.json that the content service (placard-tool serve) writes: the player itself
// has no network or import code, so it stays small and needs no rights beyond the display.
#pragma once

#include <filesystem>
#include <string>

namespace placard {

class ImportNotices {
  public:
    explicit ImportNotices(std::filesystem::path status_file);
    // A notice for an import that happened since the last call, or "".
    std::string poll();

  private:
    std::filesystem::path status_file_;
    std::filesystem::file_time_type seen_{};
    std::string taken_at_, error_at_;
};

}  // namespace placard
