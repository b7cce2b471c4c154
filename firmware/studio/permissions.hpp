// What each role may do (users.hpp), in one table, asked by the server before every action.
#pragma once

#include "studio/users.hpp"

namespace placard {

enum class Action {
    Read,           // See the content, the history, the previews.
    Edit,           // Write drafts, upload images.
    Submit,         // Send a draft for review.
    Review,         // Approve or send back someone else's submission.
    Publish,        // Publish an approved version, roll back.
    ReadAudit,      // See the audit log.
    ManageUsers,    // Add users, change roles.
    ManageScreens,  // Accept screens, name and group them, send them commands.
};

bool may(Role role, Action action);

}  // namespace placard
