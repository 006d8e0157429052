// The ruleset's data lists (rules/data/<name>.json, embedded in the ruleset) as one audit reads
// them, and the one way a list is turned into what a check or a normalizer matches with.
#ifndef PORTAL_CHECK_RULESET_DATA_LISTS_H_
#define PORTAL_CHECK_RULESET_DATA_LISTS_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/json.h"

namespace portal_check {

// What DataLists::Compiled builds from one "data" object, kept where that object lives: a Ruleset
// holds one, so the embedded ruleset's matchers are built once per process (per engine in wasm),
// not once per audit. Builders read only the data, so every audit of the same ruleset may share
// their products. Safe to use from several threads (a recursive lock: a builder may ask for
// another product).
class CompiledDataStore {
 public:
  using Key = std::pair<const void*, const void*>;  // (builder, product type tag)
  // The product under `key`, made by make() on the first call.
  template <class Make>
  std::shared_ptr<const void> GetOrMake(const Key& key, Make make) {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    auto it = products_.find(key);
    if (it == products_.end()) it = products_.emplace(key, make()).first;
    return it->second;
  }

 private:
  std::recursive_mutex mutex_;
  std::map<Key, std::shared_ptr<const void>> products_;
};

class DataLists {
 public:
  // `data` is the ruleset's "data" object (owned by the Ruleset, which must outlive this), or
  // null: then every list is absent. `store`: where compiled products are kept (the Ruleset's, so
  // they outlive the audit), or null: then this object keeps them, for its own life.
  explicit DataLists(const json::Value* data, CompiledDataStore* store = nullptr)
      : data_(data), store_(store ? store : &own_store_) {}
  DataLists(const DataLists&) = delete;
  DataLists& operator=(const DataLists&) = delete;

  // Data list `name` (rules/data/<name>.json), or a null value when absent.
  const json::Value& Data(std::string_view name) const;
  // The strings of data list `name`'s array member `key` (e.g. Data("session-cookies")["exact"]);
  // non-string members are skipped; empty when absent.
  std::vector<std::string> DataStrings(std::string_view name, std::string_view key) const;

  // What `build` makes of the data lists (a compiled matcher, a lowered name set, ...): built on
  // the first call with that `build` and kept in the store (see the constructor). The
  // builder and T together identify the product, so one builder function gives one T per store
  // (and two builders a linker folded into one, having the same code, still keep their own types).
  template <class T>
  const T& Compiled(T (*build)(const DataLists&)) const;

 private:
  // One distinct address per product type (a writable variable: never folded with another).
  template <class T>
  struct TypeTag {
    static char id;
  };
  const json::Value* data_;
  mutable CompiledDataStore own_store_;
  CompiledDataStore* store_;  // own_store_ or the Ruleset's
};

template <class T>
char DataLists::TypeTag<T>::id = 0;

template <class T>
const T& DataLists::Compiled(T (*build)(const DataLists&)) const {
  const CompiledDataStore::Key key{reinterpret_cast<const void*>(build), &TypeTag<T>::id};
  // The store keeps the product alive; the pointer stays valid as long as the store.
  return *static_cast<const T*>(
      store_->GetOrMake(key, [&] { return std::shared_ptr<const void>(std::make_shared<const T>(build(*this))); }).get());
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_RULESET_DATA_LISTS_H_
