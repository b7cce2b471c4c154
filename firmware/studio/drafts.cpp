#include "studio/drafts.hpp"

#include "runtime/sqlite_statement.hpp"

namespace placard {

namespace {

constexpr const char* kDraftColumns =
    "id, author, base_version, feed, state, note, IFNULL(reviewer, ''), IFNULL(version, 0), "
    "updated, editors";

void bind_text(sqlite3_stmt* statement, int index, std::string_view text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

Draft read_draft(sqlite3_stmt* row) {
    Draft draft;
    draft.id = sqlite3_column_int64(row, 0);
    draft.author = column_text(row, 1);
    draft.base_version = sqlite3_column_int64(row, 2);
    draft.feed = column_text(row, 3);
    draft.state = parse_draft_state(column_text(row, 4)).value_or(DraftState::Draft);
    draft.note = column_text(row, 5);
    draft.reviewer = column_text(row, 6);
    draft.version = sqlite3_column_int64(row, 7);
    draft.updated = sqlite3_column_int64(row, 8);
    draft.editors = column_text(row, 9);
    return draft;
}

}  // namespace

std::string_view draft_state_name(DraftState state) {
    switch (state) {
        case DraftState::Draft:
            return "draft";
        case DraftState::Submitted:
            return "submitted";
        case DraftState::Approved:
            return "approved";
        case DraftState::Published:
            return "published";
    }
    return "draft";
}

std::optional<DraftState> parse_draft_state(std::string_view name) {
    for (const DraftState state :
         {DraftState::Draft, DraftState::Submitted, DraftState::Approved, DraftState::Published}) {
        if (name == draft_state_name(state)) {
            return state;
        }
    }
    return std::nullopt;
}

Result<std::int64_t> create_draft(StudioDatabase& db, const std::string& author,
                                  std::int64_t base_version, const std::string& feed,
                                  std::int64_t now) {
    SqliteStatement insert(db.handle(),
                           "INSERT INTO drafts (author, base_version, feed, state, updated) "
                           "VALUES (?, ?, ?, 'draft', ?) RETURNING id");
    bind_text(insert.get(), 1, author);
    sqlite3_bind_int64(insert.get(), 2, base_version);
    bind_text(insert.get(), 3, feed);
    sqlite3_bind_int64(insert.get(), 4, now);
    // RETURNING, not sqlite3_last_insert_rowid: the connection is shared by the server's
    // threads, and another thread's insert may come between.
    if (sqlite3_step(insert.get()) != SQLITE_ROW) {
        return db.error("cannot make a draft");
    }
    return static_cast<std::int64_t>(sqlite3_column_int64(insert.get(), 0));
}

std::optional<Draft> find_draft(StudioDatabase& db, std::int64_t id) {
    const std::string sql = std::string("SELECT ") + kDraftColumns + " FROM drafts WHERE id = ?";
    SqliteStatement query(db.handle(), sql.c_str());
    sqlite3_bind_int64(query.get(), 1, id);
    if (!query || sqlite3_step(query.get()) != SQLITE_ROW) {
        return std::nullopt;
    }
    return read_draft(query.get());
}

std::vector<Draft> open_drafts(StudioDatabase& db) {
    std::vector<Draft> drafts;
    const std::string sql = std::string("SELECT ") + kDraftColumns +
                            " FROM drafts WHERE state <> 'published' ORDER BY id DESC";
    SqliteStatement query(db.handle(), sql.c_str());
    while (query && sqlite3_step(query.get()) == SQLITE_ROW) {
        drafts.push_back(read_draft(query.get()));
        drafts.back().feed.clear();
    }
    return drafts;
}

Status save_draft_feed(StudioDatabase& db, const Draft& draft, const std::string& feed,
                       const std::string& editor, std::int64_t now) {
    const std::int64_t id = draft.id;
    const std::string editors =
        draft.edited_by(editor) ? draft.editors : draft.editors + editor + "\n";
    SqliteStatement update(db.handle(),
                           "UPDATE drafts SET feed = ?, updated = ?, editors = ? WHERE id = ? "
                           "AND state = 'draft' RETURNING id");
    bind_text(update.get(), 1, feed);
    sqlite3_bind_int64(update.get(), 2, now);
    bind_text(update.get(), 3, editors);
    sqlite3_bind_int64(update.get(), 4, id);
    // One row back when it changed (RETURNING: sqlite3_changes could be another thread's).
    const int step = sqlite3_step(update.get());
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        return db.error("cannot save draft " + std::to_string(id));
    }
    if (step != SQLITE_ROW) {
        return make_error(ErrorKind::Stale, "草稿 " + std::to_string(id) + " 已不在编辑状态");
    }
    return Done{};
}

Status move_draft(StudioDatabase& db, std::int64_t id, DraftState from, DraftState to,
                  const std::string& reviewer, const std::string& note, std::int64_t now) {
    SqliteStatement update(db.handle(),
                           "UPDATE drafts SET state = ?, reviewer = NULLIF(?, ''), note = ?, "
                           "updated = ? WHERE id = ? AND state = ? RETURNING id");
    bind_text(update.get(), 1, draft_state_name(to));
    bind_text(update.get(), 2, reviewer);
    bind_text(update.get(), 3, note);
    sqlite3_bind_int64(update.get(), 4, now);
    sqlite3_bind_int64(update.get(), 5, id);
    bind_text(update.get(), 6, draft_state_name(from));
    const int step = sqlite3_step(update.get());
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        return db.error("cannot change draft " + std::to_string(id));
    }
    if (step != SQLITE_ROW) {
        return make_error(ErrorKind::Stale, "草稿 " + std::to_string(id) + " 的状态已被他人改变");
    }
    return Done{};
}

Status mark_draft_published(StudioDatabase& db, std::int64_t id, std::int64_t version,
                            std::int64_t now) {
    SqliteStatement update(db.handle(),
                           "UPDATE drafts SET version = ?, updated = ? "
                           "WHERE id = ? AND state = 'published' RETURNING id");
    sqlite3_bind_int64(update.get(), 1, version);
    sqlite3_bind_int64(update.get(), 2, now);
    sqlite3_bind_int64(update.get(), 3, id);
    if (sqlite3_step(update.get()) != SQLITE_ROW) {
        return db.error("cannot mark draft " + std::to_string(id) + " published");
    }
    return Done{};
}

}  // namespace placard
