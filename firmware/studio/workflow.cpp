#include "studio/workflow.hpp"

#include "studio/permissions.hpp"

namespace placard {

namespace {

Action action_of(DraftStep step) {
    switch (step) {
        case DraftStep::Edit:
            return Action::Edit;
        case DraftStep::Submit:
            return Action::Submit;
        case DraftStep::Approve:
        case DraftStep::SendBack:
            return Action::Review;
        case DraftStep::Publish:
            return Action::Publish;
    }
    return Action::Publish;
}

Error refused(std::string_view why) {
    return make_error(ErrorKind::Unauthentic, std::string(why));
}

}  // namespace

DraftState state_before(DraftStep step) {
    switch (step) {
        case DraftStep::Edit:
        case DraftStep::Submit:
            return DraftState::Draft;
        case DraftStep::Approve:
        case DraftStep::SendBack:
            return DraftState::Submitted;
        case DraftStep::Publish:
            return DraftState::Approved;
    }
    return DraftState::Draft;
}

DraftState state_after(DraftStep step) {
    switch (step) {
        case DraftStep::Edit:
        case DraftStep::SendBack:
            return DraftState::Draft;
        case DraftStep::Submit:
            return DraftState::Submitted;
        case DraftStep::Approve:
            return DraftState::Approved;
        case DraftStep::Publish:
            return DraftState::Published;
    }
    return DraftState::Draft;
}

Status check_draft_step(const User& user, const Draft& draft, DraftStep step) {
    if (!may(user.role, action_of(step))) {
        return refused("您的角色（" + std::string(role_name(user.role)) + "）不能做这一步");
    }
    const bool author = user.name == draft.author;
    if ((step == DraftStep::Edit || step == DraftStep::Submit) && !author &&
        user.role != Role::Admin) {
        return refused("只有作者（" + draft.author + "）或管理员能修改和提交这份草稿");
    }
    if ((step == DraftStep::Approve || step == DraftStep::SendBack) && draft.edited_by(user.name)) {
        return refused("审核须由作者和修改过这份草稿的人以外的人进行");
    }
    if (draft.state != state_before(step)) {
        return make_error(ErrorKind::Stale, "草稿 " + std::to_string(draft.id) + " 现在是“" +
                                                std::string(draft_state_name(draft.state)) +
                                                "”状态，不能做这一步");
    }
    return Done{};
}

}  // namespace placard
