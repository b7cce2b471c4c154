// Users, passwords and sessions of Placard Studio, on a real studio.db in a temporary folder.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>

#include "studio/password_hash.hpp"
#include "studio/permissions.hpp"
#include "studio/sessions.hpp"
#include "studio/studio_folder.hpp"
#include "studio/users.hpp"
#include "studio_folder_fixture.hpp"

namespace placard {
namespace {

namespace fs = std::filesystem;

class StudioAccounts : public StudioFolderTest {
  protected:
    StudioDatabase& db() { return *folder_.db; }
};

TEST_F(StudioAccounts, TheDataFolderAndTheKeyAreReadableOnlyByTheStudio) {
    struct stat info {};
    ASSERT_EQ(::stat(data_.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);
    ASSERT_EQ(::stat((data_ / "signing.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    // The same key next time.
    auto again = open_studio_folder(data_);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->key.public_key, folder_.key.public_key);
    // A key others may read is refused, with the fix.
    ::chmod((data_ / "signing.key").c_str(), 0644);
    auto exposed = open_studio_folder(data_);
    ASSERT_FALSE(exposed);
    EXPECT_NE(exposed.error().message.find("chmod 600"), std::string::npos)
        << exposed.error().message;
}

TEST_F(StudioAccounts, PasswordsAreStoredAsArgon2idHashesAndChecked) {
    ASSERT_TRUE(add_user(db(), "张编辑", Role::Editor, "correct horse 电池", 100));
    auto user = check_password(db(), "张编辑", "correct horse 电池");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->role, Role::Editor);
    EXPECT_FALSE(check_password(db(), "张编辑", "correct horse 电"));
    EXPECT_FALSE(check_password(db(), "nobody", "correct horse 电池"));
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(db().handle(), "SELECT password_hash FROM users", -1, &query, nullptr);
    ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
    const std::string stored = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
    sqlite3_finalize(query);
    EXPECT_TRUE(stored.starts_with("$argon2id$")) << stored;
    EXPECT_EQ(stored.find("correct horse"), std::string::npos);
}

TEST_F(StudioAccounts, ShortOrUnreadablePasswordsAndNamesAreRefused) {
    EXPECT_FALSE(add_user(db(), "a", Role::Admin, "short", 1));
    EXPECT_FALSE(add_user(db(), "a", Role::Admin, std::string(2000, 'x'), 1));
    EXPECT_FALSE(add_user(db(), "a", Role::Admin, "ten bytes \xff\xfe", 1));
    EXPECT_FALSE(add_user(db(), "two words", Role::Admin, "long enough password", 1));
    EXPECT_FALSE(add_user(db(), "", Role::Admin, "long enough password", 1));
    EXPECT_TRUE(list_users(db()).empty());
}

TEST_F(StudioAccounts, ASessionIsFoundByItsTokenOnlyWhileItLasts) {
    ASSERT_TRUE(add_user(db(), "reviewer1", Role::Reviewer, "long enough password", 1));
    const std::string token = start_session(db(), User{"reviewer1", Role::Reviewer}, 1000);
    ASSERT_EQ(token.size(), 64u);
    auto session = find_session(db(), token, 1001);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->user.name, "reviewer1");
    EXPECT_TRUE(csrf_matches(*session, session->csrf));
    EXPECT_FALSE(csrf_matches(*session, ""));
    EXPECT_FALSE(csrf_matches(*session, std::string(64, '0')));
    // The database holds no token, only its hash.
    sqlite3_stmt* query = nullptr;
    sqlite3_prepare_v2(db().handle(), "SELECT token_hash FROM sessions", -1, &query, nullptr);
    ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
    EXPECT_NE(reinterpret_cast<const char*>(sqlite3_column_text(query, 0)), token);
    sqlite3_finalize(query);
    // Idle for longer than 8 hours: gone; used within them: kept, up to 24 hours in all.
    EXPECT_FALSE(find_session(db(), token, 1001 + kSessionIdleSeconds + 1));
    for (std::int64_t at = 1000; at < 1000 + kSessionLifeSeconds; at += 3600) {
        EXPECT_TRUE(find_session(db(), token, at)) << at;
    }
    EXPECT_FALSE(find_session(db(), token, 1000 + kSessionLifeSeconds + 1));
    EXPECT_FALSE(find_session(db(), "not a token", 1001));
    end_session(db(), token);
    EXPECT_FALSE(find_session(db(), token, 1002));
}

TEST_F(StudioAccounts, ANewPasswordOrRoleEndsTheUsersSessions) {
    ASSERT_TRUE(add_user(db(), "li", Role::Admin, "long enough password", 1));
    ASSERT_TRUE(add_user(db(), "wang", Role::Editor, "long enough password", 1));
    const std::string token = start_session(db(), User{"li", Role::Admin}, 1000);
    const std::string other = start_session(db(), User{"wang", Role::Editor}, 1000);
    ASSERT_TRUE(add_user(db(), "li", Role::Editor, "a new long password", 2));
    EXPECT_FALSE(find_session(db(), token, 1001));
    EXPECT_TRUE(find_session(db(), other, 1001));
}

TEST_F(StudioAccounts, TheAuditLogCannotBeRewritten) {
    ASSERT_EQ(sqlite3_exec(db().handle(),
                           "INSERT INTO audit (at, user, action, detail) VALUES (1, 'a', 'b', 'c')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db().handle(), "UPDATE audit SET user = 'x'", nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db().handle(), "DELETE FROM audit", nullptr, nullptr, nullptr),
              SQLITE_OK);
}

TEST(StudioPermissions, EditorsWriteReviewersApproveAndPublishAdminsDoAll) {
    EXPECT_TRUE(may(Role::Editor, Action::Edit));
    EXPECT_TRUE(may(Role::Editor, Action::Submit));
    EXPECT_FALSE(may(Role::Editor, Action::Review));
    EXPECT_FALSE(may(Role::Editor, Action::Publish));
    EXPECT_FALSE(may(Role::Editor, Action::ManageUsers));
    EXPECT_TRUE(may(Role::Reviewer, Action::Review));
    EXPECT_TRUE(may(Role::Reviewer, Action::Publish));
    EXPECT_FALSE(may(Role::Reviewer, Action::Edit));
    EXPECT_FALSE(may(Role::Reviewer, Action::ManageUsers));
    for (auto action : {Action::Read, Action::Edit, Action::Submit, Action::Review, Action::Publish,
                        Action::ReadAudit, Action::ManageUsers}) {
        EXPECT_TRUE(may(Role::Admin, action));
    }
}

}  // namespace
}  // namespace placard
