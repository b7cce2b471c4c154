#include "studio/workflow.hpp"

#include <gtest/gtest.h>

#include "studio/change_summary.hpp"

namespace placard {
namespace {

Draft draft_by(const std::string& author, DraftState state) {
    Draft draft;
    draft.id = 7;
    draft.author = author;
    draft.state = state;
    return draft;
}

TEST(StudioWorkflow, TheAuthorEditsAndSubmitsAnotherReviews) {
    const User editor{"editor", Role::Editor}, other_editor{"other", Role::Editor};
    const User reviewer{"reviewer", Role::Reviewer}, admin{"admin", Role::Admin};
    const Draft draft = draft_by("editor", DraftState::Draft);
    EXPECT_TRUE(check_draft_step(editor, draft, DraftStep::Edit));
    EXPECT_TRUE(check_draft_step(editor, draft, DraftStep::Submit));
    EXPECT_TRUE(check_draft_step(admin, draft, DraftStep::Edit));
    EXPECT_EQ(check_draft_step(other_editor, draft, DraftStep::Edit).error().kind,
              ErrorKind::Unauthentic);
    EXPECT_EQ(check_draft_step(reviewer, draft, DraftStep::Edit).error().kind,
              ErrorKind::Unauthentic);

    const Draft submitted = draft_by("editor", DraftState::Submitted);
    EXPECT_TRUE(check_draft_step(reviewer, submitted, DraftStep::Approve));
    EXPECT_TRUE(check_draft_step(reviewer, submitted, DraftStep::SendBack));
    EXPECT_TRUE(check_draft_step(admin, submitted, DraftStep::Approve));
    EXPECT_EQ(check_draft_step(editor, submitted, DraftStep::Approve).error().kind,
              ErrorKind::Unauthentic);
    // Not in the state the step starts from: a conflict, not a permission.
    EXPECT_EQ(check_draft_step(editor, submitted, DraftStep::Edit).error().kind, ErrorKind::Stale);
    EXPECT_EQ(check_draft_step(reviewer, submitted, DraftStep::Publish).error().kind,
              ErrorKind::Stale);
    EXPECT_EQ(check_draft_step(reviewer, draft, DraftStep::Approve).error().kind, ErrorKind::Stale);
}

TEST(StudioWorkflow, NobodyApprovesTheirOwnDraftNotEvenAnAdmin) {
    const User admin{"admin", Role::Admin};
    const Draft own = draft_by("admin", DraftState::Submitted);
    EXPECT_EQ(check_draft_step(admin, own, DraftStep::Approve).error().kind,
              ErrorKind::Unauthentic);
    EXPECT_EQ(check_draft_step(admin, own, DraftStep::SendBack).error().kind,
              ErrorKind::Unauthentic);
    // Publishing what someone else approved is allowed to its author when an admin.
    EXPECT_TRUE(
        check_draft_step(admin, draft_by("admin", DraftState::Approved), DraftStep::Publish));
    EXPECT_EQ(check_draft_step(User{"e", Role::Editor}, draft_by("x", DraftState::Approved),
                               DraftStep::Publish)
                  .error()
                  .kind,
              ErrorKind::Unauthentic);
}

TEST(StudioChanges, SaysWhatWasAddedChangedAndRemoved) {
    const std::string before = R"({"version": 1, "generated": "x", "site": {"name": "a"},
        "articles": [{"id": "a1", "title": "旧文章"}, {"id": "a2", "title": "不变"}],
        "banners": [{"id": "b1", "image": "media/1.png"}], "ticker": ["一"]})";
    const std::string after = R"({"version": 2, "generated": "y", "site": {"name": "a"},
        "articles": [{"id": "a2", "title": "不变"}, {"id": "a3", "title": "新文章"},
                     {"id": "a1", "title": "旧文章（修订）"}],
        "banners": [], "ticker": ["二"]})";
    const auto lines = describe_changes(before, after);
    const std::vector<std::string> expected = {"修改文章《旧文章（修订）》", "新增文章《新文章》",
                                               "删除横幅《b1》", "滚动字幕有改动"};
    EXPECT_EQ(lines, expected);
    EXPECT_TRUE(describe_changes(after, after).empty());
    EXPECT_EQ(describe_changes("not json", after), std::vector<std::string>{"全部内容"});
}

}  // namespace
}  // namespace placard
