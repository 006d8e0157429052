#include "util/json.h"

namespace portal_check::json {

const Value* Find(const Value& v, std::string_view key) {
  if (!v.is<Object>()) return nullptr;
  const Object& o = v.get<Object>();
  auto it = o.find(std::string(key));
  return it == o.end() ? nullptr : &it->second;
}

Value* FindMutable(Value& v, std::string_view key) {
  if (!v.is<Object>()) return nullptr;
  Object& o = v.get<Object>();
  auto it = o.find(std::string(key));
  return it == o.end() ? nullptr : &it->second;
}

std::string* FindMutableString(Value& v, std::string_view key) {
  Value* m = FindMutable(v, key);
  return (m && m->is<std::string>()) ? &m->get<std::string>() : nullptr;
}

const std::string* FindString(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<std::string>()) ? &m->get<std::string>() : nullptr;
}

std::int64_t GetInt(const Value& v, std::string_view key, std::int64_t fallback) {
  const Value* m = Find(v, key);
  if (!m) return fallback;
  if (m->is<std::int64_t>()) return m->get<std::int64_t>();
  if (m->is<double>()) {
    double d = m->get<double>();
    if (d >= -9.0e15 && d <= 9.0e15 && static_cast<double>(static_cast<std::int64_t>(d)) == d)
      return static_cast<std::int64_t>(d);
  }
  return fallback;
}

bool GetBool(const Value& v, std::string_view key, bool fallback) {
  const Value* m = Find(v, key);
  return (m && m->is<bool>()) ? m->get<bool>() : fallback;
}

const Object* FindObject(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<Object>()) ? &m->get<Object>() : nullptr;
}

const Array* FindArray(const Value& v, std::string_view key) {
  const Value* m = Find(v, key);
  return (m && m->is<Array>()) ? &m->get<Array>() : nullptr;
}

std::string Serialize(const Value& v, bool pretty) { return v.serialize(pretty); }

}  // namespace portal_check::json
