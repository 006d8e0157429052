#include "util/shared_text.h"

namespace portal_check {

const std::shared_ptr<const std::string>& SharedText::Empty() {
  static const auto* const kEmpty = new std::shared_ptr<const std::string>(std::make_shared<const std::string>());
  return *kEmpty;
}

SharedText TextPool::Intern(std::string text) {
  if (auto it = texts_.find(text); it != texts_.end()) return it->second;
  SharedText shared(std::move(text));
  texts_.emplace(std::string_view(shared.str()), shared);
  return shared;
}

}  // namespace portal_check
