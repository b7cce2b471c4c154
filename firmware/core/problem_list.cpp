#include "core/problem_list.hpp"

namespace placard {

void ProblemList::add_all(ProblemList other) {
    for (Error& problem : other.problems_) {
        problems_.push_back(std::move(problem));
    }
}

void ProblemList::strip_prefix(std::string_view prefix) {
    for (Error& problem : problems_) {
        if (problem.message.starts_with(prefix)) {
            problem.message.erase(0, prefix.size());
        }
    }
}

Error ProblemList::summary(std::string_view origin) const {
    Error first = problems_.front();
    if (!origin.empty()) {
        first = with_context(std::move(first), origin);
    }
    if (problems_.size() > 1) {
        first.message += " (and " + std::to_string(problems_.size() - 1) + " more)";
    }
    return first;
}

std::vector<std::string> ProblemList::messages() const {
    std::vector<std::string> messages;
    messages.reserve(problems_.size());
    for (const Error& problem : problems_) {
        messages.push_back(problem.message);
    }
    return messages;
}

}  // namespace placard
