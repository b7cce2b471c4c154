// The lines of an article's body that 公文 (official documents, GB/T 9704-2012) set apart from
// its prose: the salutation (主送机关, "各基层党组织：") flush left, without the paragraph
// indent, and at the end the signature (发文机关署名) and the date (成文日期) flush right. A
// notice pasted from a 通知 page keeps that shape on the screen.
#pragma once

#include <string>
#include <vector>

namespace placard {

enum class BodyLineRole { Prose, Salutation, Signature, Date };

// One role for each paragraph of `body`:
//   - the first paragraph is the salutation when it is one short line (at most 40 characters)
//     ending in a full-width or ASCII colon, with no clause in it (no ，。！？；) and not a lead
//     into what follows (…如下：, 编者按：, …强调：);
//   - after a salutation only, the last paragraph is the date when it is only a date,
//     2026年11月24日 (digits ASCII, full-width, or 〇一二…, as 二〇二六年十一月二十四日);
//   - the one or two paragraphs just before such a date are the signature when each is short
//     (at most 40 characters) and ends in no punctuation.
// Everything else is prose.
std::vector<BodyLineRole> body_line_roles(const std::vector<std::string>& body);

}  // namespace placard
