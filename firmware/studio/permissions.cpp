#include "studio/permissions.hpp"

namespace placard {

bool may(Role role, Action action) {
    switch (role) {
        case Role::Admin:
            return true;
        case Role::Editor:
            return action == Action::Read || action == Action::Edit || action == Action::Submit;
        case Role::Reviewer:
            return action == Action::Read || action == Action::Review ||
                   action == Action::Publish || action == Action::ReadAudit;
    }
    return false;
}

}  // namespace placard
