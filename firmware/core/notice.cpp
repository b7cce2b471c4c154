#include "core/notice.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace placard {

std::vector<Notice> newest_of_each_id(const std::vector<Notice>& notices) {
    std::map<std::string, const Notice*> newest;
    for (const Notice& notice : notices) {
        const Notice*& kept = newest[notice.id];
        if (kept == nullptr || kept->issued.unix_seconds <= notice.issued.unix_seconds) {
            kept = &notice;
        }
    }
    std::vector<Notice> out;
    out.reserve(newest.size());
    for (const auto& [id, notice] : newest) {
        out.push_back(*notice);
    }
    return out;
}

NoticeView notice_view_at(const std::vector<Notice>& newest, WallTime now, double max_seconds) {
    NoticeView view;
    const std::int64_t t = now.unix_seconds;
    const auto consider_change = [&](std::int64_t at) {
        if (at > t) {
            view.next_change = std::min(view.next_change, at);
        }
    };
    const auto longest = static_cast<std::int64_t>(std::max(0.0, std::floor(max_seconds)));
    std::vector<const Notice*> due;
    for (const Notice& notice : newest) {
        if (notice.cancel) {
            continue;
        }
        const std::int64_t start = (notice.starts ? *notice.starts : notice.issued).unix_seconds;
        const std::int64_t end = std::min(notice.expires.unix_seconds, start + longest);
        consider_change(start);
        if (start <= t && t < end) {
            consider_change(end);
            due.push_back(&notice);
        }
    }
    // Highest level first; within a level, the newest first.
    std::sort(due.begin(), due.end(), [](const Notice* a, const Notice* b) {
        if (a->level != b->level) {
            return a->level > b->level;
        }
        return b->issued.unix_seconds < a->issued.unix_seconds;
    });
    if (!due.empty() && due.front()->level == NoticeLevel::Urgent) {
        view.kind = NoticeView::Kind::FullScreen;
        view.notice = due.front();
        view.position = view.count = 1;
        return view;
    }
    if (!due.empty()) {
        // Several notices in the band take turns, on the wall clock so that every screen of a
        // site (and a screenshot) shows the same one at the same time.
        view.kind = NoticeView::Kind::Band;
        view.count = static_cast<int>(due.size());
        // Floor division: a time before 1970 (a feed's `generated`) turns the same way.
        const std::int64_t turn =
            t >= 0 ? t / kNoticeBandTurnSeconds : -((-t - 1) / kNoticeBandTurnSeconds) - 1;
        const auto index =
            static_cast<std::size_t>(((turn % view.count) + view.count) % view.count);
        view.notice = due[index];
        view.position = static_cast<int>(index) + 1;
        if (view.count > 1) {
            consider_change((turn + 1) * kNoticeBandTurnSeconds);
        }
        return view;
    }
    const Notice* card = nullptr;
    for (const Notice& notice : newest) {
        if (!notice.cancel || notice.all_clear.empty()) {
            continue;
        }
        const std::int64_t start = notice.issued.unix_seconds;
        const std::int64_t end = start + std::int64_t{notice.all_clear_minutes} * 60;
        consider_change(start);
        if (start <= t && t < end) {
            consider_change(end);
            if (card == nullptr || card->issued.unix_seconds < notice.issued.unix_seconds) {
                card = &notice;
            }
        }
    }
    if (card != nullptr) {
        view.kind = NoticeView::Kind::AllClear;
        view.notice = card;
        view.position = view.count = 1;
    }
    return view;
}

std::string notice_level_word(NoticeLevel level) {
    switch (level) {
        case NoticeLevel::Information:
            return "通知";
        case NoticeLevel::Warning:
            return "警告";
        case NoticeLevel::Urgent:
            return "紧急通知";
    }
    return "通知";
}

std::optional<NoticeLevel> parse_notice_level(std::string_view name) {
    for (const NoticeLevel level :
         {NoticeLevel::Information, NoticeLevel::Warning, NoticeLevel::Urgent}) {
        if (name == notice_level_name(level)) {
            return level;
        }
    }
    return std::nullopt;
}

std::string notice_level_name(NoticeLevel level) {
    switch (level) {
        case NoticeLevel::Information:
            return "information";
        case NoticeLevel::Warning:
            return "warning";
        case NoticeLevel::Urgent:
            return "urgent";
    }
    return "information";
}

}  // namespace placard
