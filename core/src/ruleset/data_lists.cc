#include "ruleset/data_lists.h"

namespace portal_check {

const json::Value& DataLists::Data(std::string_view name) const {
  static const json::Value kNull;
  if (!data_) return kNull;
  const json::Value* v = json::Find(*data_, name);
  return v ? *v : kNull;
}

std::vector<std::string> DataLists::DataStrings(std::string_view name, std::string_view key) const {
  std::vector<std::string> out;
  if (const json::Array* arr = json::FindArray(Data(name), key))
    for (const json::Value& v : *arr)
      if (v.is<std::string>()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace portal_check
