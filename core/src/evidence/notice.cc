#include "evidence/notice.h"

#include <utility>

#include "evidence/limits.h"

namespace portal_check {

void AppendNotice(Notices& notices, Notice notice) {
  if (notices.size() < limits::kMaxNotices) {
    notices.push_back(std::move(notice));
  } else if (notices.size() == limits::kMaxNotices) {
    notices.push_back(Notice{"kMaxNotices", std::nullopt,
                             "more than " + std::to_string(limits::kMaxNotices) +
                                 " notices; the later ones were not kept (kMaxNotices)"});
  }
}

}  // namespace portal_check
