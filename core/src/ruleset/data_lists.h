// The ruleset's data lists (rules/data/<name>.json, embedded in the ruleset) as one audit reads
// them, and the one way a list is turned into what a check or a normalizer matches with.
#ifndef PORTAL_CHECK_RULESET_DATA_LISTS_H_
#define PORTAL_CHECK_RULESET_DATA_LISTS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/json.h"

namespace portal_check {

class DataLists {
 public:
  // `data` is the ruleset's "data" object (owned by the Ruleset, which must outlive this), or
  // null: then every list is absent.
  explicit DataLists(const json::Value* data) : data_(data) {}
  DataLists(const DataLists&) = delete;
  DataLists& operator=(const DataLists&) = delete;

  // Data list `name` (rules/data/<name>.json), or a null value when absent.
  const json::Value& Data(std::string_view name) const;
  // The strings of data list `name`'s array member `key` (e.g. Data("session-cookies")["exact"]);
  // non-string members are skipped; empty when absent.
  std::vector<std::string> DataStrings(std::string_view name, std::string_view key) const;

  // What `build` makes of the data lists (a compiled matcher, a lowered name set, ...): built on
  // the first call with that `build` and kept for the life of this object, i.e. one audit. The
  // builder and T together identify the product, so one builder function gives one T per audit
  // (and two builders a linker folded into one, having the same code, still keep their own types).
  template <class T>
  const T& Compiled(T (*build)(const DataLists&)) const;

 private:
  // One distinct address per product type (a writable variable: never folded with another).
  template <class T>
  struct TypeTag {
    static char id;
  };
  using Key = std::pair<const void*, const void*>;  // (builder, &TypeTag<T>::id)

  const json::Value* data_;
  mutable std::map<Key, std::shared_ptr<const void>> compiled_;  // → the builder's product
};

template <class T>
char DataLists::TypeTag<T>::id = 0;

template <class T>
const T& DataLists::Compiled(T (*build)(const DataLists&)) const {
  const Key key{reinterpret_cast<const void*>(build), &TypeTag<T>::id};
  auto it = compiled_.find(key);
  if (it == compiled_.end()) it = compiled_.emplace(key, std::make_shared<const T>(build(*this))).first;
  return *static_cast<const T*>(it->second.get());
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_RULESET_DATA_LISTS_H_
