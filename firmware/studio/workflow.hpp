// The 审核 (review) workflow of a draft, as public screens need it — a screen is a publication,
// so nothing reaches one that a second person has not approved:
//
//     draft ──submit──▶ submitted ──approve──▶ approved ──publish──▶ published (a new version)
//       ▲                   │
//       └────send back──────┘
//
// Who may take each step (permissions.hpp for the roles): the author (or an admin) edits and
// submits; a reviewer or admin who is NOT its author nor one who saved its content approves or
// sends back; a reviewer or admin
// publishes what was approved. Each rule answers with the reason it refuses, for the page.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "studio/drafts.hpp"
#include "studio/users.hpp"

namespace placard {

enum class DraftStep { Edit, Submit, Approve, SendBack, Publish };

// Whether `user` may take `step` on `draft` now; the refusal's kind is Unauthentic when the
// user may not (HTTP 403), Stale when the draft is not in the state the step starts from (409).
Status check_draft_step(const User& user, const Draft& draft, DraftStep step);
// The state a step leaves a draft in.
DraftState state_after(DraftStep step);
DraftState state_before(DraftStep step);

}  // namespace placard
