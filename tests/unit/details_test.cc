// Details / DetailList (checks/details.h) write the same text json::Serialize writes for the same
// picojson value after JoinResult's old sanitising of it: members sorted by name, a name set twice
// keeping its last value, strings made valid UTF-8 and cut at the limit. Held to that on fixed
// cases and on random sequences of operations applied to both.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "checks/details.h"
#include "evidence/limits.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

// The reference: picojson, then every string value sanitised, then the compact serialisation.
std::string Reference(json::Value v) {
  SanitizeDetailStrings(v);
  return json::Serialize(v);
}

TEST(Details, EmptyObjectAndList) {
  EXPECT_EQ(Details().Text(), "{}");
  EXPECT_EQ(DetailList().Text(), "[]");
  EXPECT_TRUE(Details().empty());
}

TEST(Details, MembersComeOutSortedByNameInByteOrder) {
  Details d;
  d.Int("b", 2).Str("a", "x").Bool("Z", true).Bool("\xc3\xa9", false).Int("aa", -1);
  json::Object o{{"b", json::Int(2)}, {"a", json::Str("x")}, {"Z", json::Bool(true)}, {"\xc3\xa9", json::Bool(false)},
                 {"aa", json::Int(-1)}};
  EXPECT_EQ(d.Text(), Reference(json::Value(o)));
  EXPECT_EQ(d.Text(), R"({"Z":true,"a":"x","aa":-1,"b":2,"é":false})");
}

TEST(Details, ANameSetTwiceKeepsItsLastValueInItsSortedPlace) {
  Details d;
  d.Str("b", "first").Int("a", 1).Str("b", "second");
  EXPECT_EQ(d.Text(), R"({"a":1,"b":"second"})");
  EXPECT_EQ(d.size(), 2u);
  EXPECT_TRUE(d.Has("b"));
  EXPECT_FALSE(d.Has("c"));
}

TEST(Details, NestedValuesAndPicojsonValues) {
  Details inner;
  inner.Str("url", "https://a.gov.vn/x?y=\"1\"").Set("status", json::Value());
  DetailList list;
  list.Add(inner).Str("s").Int(std::numeric_limits<std::int64_t>::min()).Bool(false).Add(DetailList());
  Details d;
  d.Set("list", list).Set("obj", inner).Set("raw", json::Value(json::Array{json::Str("a"), json::Value(1.5)}));
  json::Object inner_o{{"url", json::Str("https://a.gov.vn/x?y=\"1\"")}, {"status", json::Value()}};
  json::Array list_a{json::Value(inner_o), json::Str("s"), json::Int(std::numeric_limits<std::int64_t>::min()),
                     json::Bool(false), json::Value(json::Array())};
  json::Object o{{"list", json::Value(list_a)},
                 {"obj", json::Value(inner_o)},
                 {"raw", json::Value(json::Array{json::Str("a"), json::Value(1.5)})}};
  EXPECT_EQ(d.Text(), Reference(json::Value(o)));
  EXPECT_EQ(d.ToValue().serialize(), json::Value(o).serialize());
}

TEST(Details, StringsAreMadeValidUtf8AndCutAtTheLimit) {
  const std::size_t max = MaxDetailStringBytes();
  ASSERT_EQ(max, limits::kMaxHeaderValueBytes);
  const std::string at(max, 'a'), past(max + 1, 'a');
  const std::string hostile = std::string("bad \xff\xfe byte \x00 and \xc3", 17);
  Details d;
  d.Str("at", at).Str("past", past).Str("hostile", hostile);
  DetailList l;
  l.Str(past).Str(hostile);
  d.Set("list", l).Set("raw", json::Value(json::Array{json::Str(hostile), json::Str(past)}));
  json::Object o{{"at", json::Str(at)},
                 {"past", json::Str(past)},
                 {"hostile", json::Str(hostile)},
                 {"list", json::Value(json::Array{json::Str(past), json::Str(hostile)})},
                 {"raw", json::Value(json::Array{json::Str(hostile), json::Str(past)})}};
  EXPECT_EQ(d.Text(), Reference(json::Value(o)));
  const json::Value parsed = d.ToValue();
  EXPECT_EQ(json::FindString(parsed, "at")->size(), max);
  EXPECT_EQ(*json::FindString(parsed, "past"), std::string(max, 'a') + "\u2026");  // cut at the limit, marked "…"
  EXPECT_TRUE(text::IsCleanUtf8(*json::FindString(parsed, "hostile")));
}

TEST(Details, StrWithALimitIsStrOfSafeUtf8AtThatLimit) {
  const std::vector<std::string> inputs = {"", "abc", std::string(64, 'x'), std::string(65, 'x'), "\xff\xfe",
                                           std::string(63, 'x') + "\xc3\xa9", std::string("a\0b", 3)};
  for (const std::string& in : inputs) {
    for (std::size_t max : {std::size_t{0}, std::size_t{1}, std::size_t{64}, MaxDetailStringBytes()}) {
      Details cut, reference;
      cut.Str("k", in, max);
      reference.Str("k", text::SafeUtf8(in, max));
      EXPECT_EQ(cut.Text(), reference.Text()) << max;
      DetailList cut_list, reference_list;
      cut_list.Str(in, max);
      reference_list.Str(text::SafeUtf8(in, max));
      EXPECT_EQ(cut_list.Text(), reference_list.Text()) << max;
    }
  }
}

TEST(Details, RandomOperationsAgreeWithPicojson) {
  std::mt19937_64 random(0x2545F4914F6CDD1Du);  // fixed seed: the same cases every run
  auto next = [&random] { return random(); };
  const std::vector<std::string> names = {"a", "b", "aa", "B", "reason", "z\xff", "", "\xc3\xa9", "a/b", "q\"x"};
  const std::vector<std::string> strings = {"", "x", "https:\\/\\/", "\x01\x7f", "\xe0\x80", "tiếng Việt", "\"/\\"};
  for (int round = 0; round < 2000; ++round) {
    Details d;
    json::Object o;
    for (int ops = static_cast<int>(next() % 12); ops > 0; --ops) {
      const std::string& name = names[next() % names.size()];
      switch (next() % 5) {
        case 0: {
          const std::string& s = strings[next() % strings.size()];
          d.Str(name, s);
          o[name] = json::Str(s);
          break;
        }
        case 1: {
          const auto n = static_cast<std::int64_t>(next());
          d.Int(name, n);
          o[name] = json::Int(n);
          break;
        }
        case 2: {
          const bool b = (next() & 1) != 0;
          d.Bool(name, b);
          o[name] = json::Bool(b);
          break;
        }
        case 3: {
          DetailList l;
          json::Array a;
          for (int k = static_cast<int>(next() % 4); k > 0; --k) {
            const std::string& s = strings[next() % strings.size()];
            l.Str(s);
            a.push_back(json::Str(s));
          }
          d.Set(name, l);
          o[name] = json::Value(a);
          break;
        }
        default: {
          Details inner;
          json::Object io;
          const std::string& inner_name = names[next() % names.size()];
          inner.Int(inner_name, round);
          io[inner_name] = json::Int(round);
          d.Set(name, inner);
          o[name] = json::Value(io);
          break;
        }
      }
    }
    ASSERT_EQ(d.Text(), Reference(json::Value(o))) << "round " << round;
    ASSERT_EQ(d.size(), o.size()) << "round " << round;
  }
}

}  // namespace
}  // namespace portal_check
