#include "util/json_flat.h"

#include <utility>

#include "util/json.h"

namespace portal_check::json {

FlatDocument::Index FlatDocument::Find(Index object, std::string_view name) const {
  if (!Is(object, Kind::kObject)) return kNone;
  for (Index i = object + 1, end = nodes_[object].end; i != end; i = nodes_[i].end)
    if (nodes_[i].name == name) return i;
  return kNone;
}

std::optional<std::string_view> FlatDocument::FindString(Index object, std::string_view name) const {
  const Index i = Find(object, name);
  if (!Is(i, Kind::kString)) return std::nullopt;
  return nodes_[i].text;
}

FlatDocument::Index FlatDocument::FindArray(Index object, std::string_view name) const {
  const Index i = Find(object, name);
  return Is(i, Kind::kArray) ? i : kNone;
}

std::int64_t FlatDocument::GetInt(Index object, std::string_view name, std::int64_t fallback) const {
  const Index i = Find(object, name);
  if (Is(i, Kind::kInt)) return nodes_[i].integer;
  if (Is(i, Kind::kDouble)) return WholeNumber(nodes_[i].number).value_or(fallback);
  return fallback;
}

bool FlatDocument::GetBool(Index object, std::string_view name, bool fallback) const {
  const Index i = Find(object, name);
  return Is(i, Kind::kBool) ? nodes_[i].boolean : fallback;
}

std::string FlatDocument::TakeString(Index i) {
  Node& node = nodes_[i];
  std::string out = node.owned == kNone ? std::string(node.text) : std::move(owned_[node.owned]);
  node.text = {};
  node.owned = kNone;
  return out;
}

FlatDocument::ItemRange FlatDocument::Items(Index container) const {
  if (!Is(container, Kind::kArray) && !Is(container, Kind::kObject)) return ItemRange(this, 0, 0);
  return ItemRange(this, container + 1, nodes_[container].end);
}

}  // namespace portal_check::json
