// ProblemList: every problem found in one piece of input (a feed, a bundle), each an Error that
// says where and what. Validators collect them all, so that an admin fixes a feed in one round
// rather than one problem per try; a caller that needs one reason takes summary().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace placard {

class ProblemList {
  public:
    void add(Error problem) { problems_.push_back(std::move(problem)); }
    // An Invalid problem: "where: what".
    void add(std::string where_and_what) { add(make_error(std::move(where_and_what))); }
    void add_all(ProblemList other);

    bool empty() const { return problems_.empty(); }
    std::size_t size() const { return problems_.size(); }
    const Error& front() const { return problems_.front(); }
    const Error& operator[](std::size_t index) const { return problems_[index]; }
    auto begin() const { return problems_.begin(); }
    auto end() const { return problems_.end(); }

    // Removes `prefix` where a message starts with it (a staging folder's path, so that files
    // are named as the bundle names them).
    void strip_prefix(std::string_view prefix);
    // One error for all: the first problem's kind, "ORIGIN: FIRST (and N more)" (no "ORIGIN: "
    // when origin is empty). Only for a list that is not empty.
    Error summary(std::string_view origin = {}) const;
    // The messages, one per problem.
    std::vector<std::string> messages() const;

  private:
    std::vector<Error> problems_;
};

}  // namespace placard
