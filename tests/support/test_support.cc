#include "test_support.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "util/json_scan.h"

namespace portal_check::testing {

std::string SourceDir() { return PC_SOURCE_DIR; }

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
        out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string BadInput(const std::string& name) {
  const std::string path = SourceDir() + "/tests/fixtures/bad-input/" + name;
  const std::string text = ReadFileOrEmpty(path);
  const std::string kRecipe = ".recipe.json";
  if (name.size() < kRecipe.size() || name.compare(name.size() - kRecipe.size(), kRecipe.size(), kRecipe) != 0) {
    EXPECT_TRUE(!text.empty() || name == "empty.har") << "missing fixture " << path;
    return text;
  }
  // {"parts": [{"text", "repeat" = 1, "separator" = ""}]}: each part is its text `repeat` times
  // ("{i}" in it replaced by 0, 1, ...), joined by the separator; the document is the parts in order.
  json::Value recipe;
  const json::Array* parts = nullptr;
  if (json::ParseBounded(text, 8, recipe).ok()) parts = json::FindArray(recipe, "parts");
  EXPECT_NE(parts, nullptr) << "unreadable recipe " << path;
  std::string out;
  if (!parts) return out;
  for (const json::Value& part : *parts) {
    const std::string* piece = json::FindString(part, "text");
    const std::string* separator = json::FindString(part, "separator");
    const std::int64_t repeat = json::GetInt(part, "repeat", 1);
    EXPECT_NE(piece, nullptr) << path;
    if (!piece) return std::string();
    const std::size_t mark = piece->find("{i}");
    for (std::int64_t i = 0; i < repeat; ++i) {
      if (i > 0 && separator) out += *separator;
      if (mark == std::string::npos) out += *piece;
      else out += piece->substr(0, mark) + std::to_string(i) + piece->substr(mark + 3);
    }
  }
  return out;
}

std::string HarFromEntries(const json::Value& entries) {
  json::Object creator{{"name", json::Str("portal-check-rule-cases")}, {"version", json::Str("1")}};
  json::Object log{{"version", json::Str("1.2")}, {"creator", json::Value(creator)}, {"entries", entries}};
  json::Object har{{"log", json::Value(log)}};
  return json::Serialize(json::Value(har));
}

StatusOr<std::string> AuditHarText(const std::string& har, const std::string& target) {
  AuditOptions options;
  options.target = target;
  auto auditor = Auditor::Create(options);
  if (!auditor.ok()) return auditor.status();
  // Fed in uneven chunks, as a file or network stream would arrive.
  const std::size_t chunk = 64 * 1024 + 7;
  if (har.empty()) {
    if (Status s = auditor.value()->Feed(""); !s.ok()) return s;
  }
  for (std::size_t pos = 0; pos < har.size(); pos += chunk)
    if (Status s = auditor.value()->Feed(std::string_view(har).substr(pos, chunk)); !s.ok()) return s;
  if (Status s = auditor.value()->Finish(); !s.ok()) return s;
  return auditor.value()->ReportJson();
}

json::Value AuditHarReport(const std::string& har) {
  auto text = AuditHarText(har);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  json::Value v;
  if (text.ok()) EXPECT_TRUE(json::ParseBounded(text.value(), 64, v).ok());
  return v;
}

}  // namespace portal_check::testing
