#include "evidence/headers.h"

#include "util/text.h"

namespace portal_check {

void HeaderList::Add(std::string_view name, std::string_view value) {
  fields_.push_back(HeaderField{std::string(text::Trim(name)), std::string(text::Trim(value))});
}

std::vector<std::string_view> HeaderList::GetAll(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& f : fields_)
    if (text::EqualsIgnoreCase(f.name, name)) out.push_back(f.value);
  return out;
}

std::optional<std::string_view> HeaderList::Get(std::string_view name) const {
  for (const auto& f : fields_)
    if (text::EqualsIgnoreCase(f.name, name)) return std::string_view(f.value);
  return std::nullopt;
}

std::size_t HeaderList::Count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& f : fields_)
    if (text::EqualsIgnoreCase(f.name, name)) ++n;
  return n;
}

}  // namespace portal_check
