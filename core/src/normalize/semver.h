// Version numbers as JavaScript libraries and CMSs write them ("3.7.1", "1.6.0.2", "4.25.2-lts",
// "10"), their order, and npm-style ranges (">=1.2.0 <3.5.0 || >=4.0.0 <4.1.2"). Linear, no regex,
// no exceptions.
#ifndef PORTAL_CHECK_NORMALIZE_SEMVER_H_
#define PORTAL_CHECK_NORMALIZE_SEMVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check::semver {

struct Version {
  std::vector<std::int64_t> parts;  // 1 to 4 numeric parts, as written ("1.6.0.2" → 1,6,0,2)
  std::string pre;                  // pre-release after '-' ("lts", "beta.1"), "" when none
};

// Parses "[v]N(.N){0,3}[-pre][+build]" (build metadata is ignored). Each numeric part has at most
// 9 digits. Returns nullopt for anything else (empty text, letters in a numeric part, a fifth part).
std::optional<Version> Parse(std::string_view text);

// <0, 0, >0 as a is older than, equal to, newer than b. Missing numeric parts count as 0
// ("1.2" == "1.2.0"). A pre-release sorts before its release ("4.24.0-lts" < "4.24.0"); pre-release
// identifiers compare numerically when both are digits, else by ASCII (SemVer 2.0.0 section 11).
int Compare(const Version& a, const Version& b);

// Whether `v` satisfies `range`: alternatives separated by "||", each a white-space separated list
// of comparators that must all hold. A comparator is <, <=, >, >=, = or nothing (equality)
// followed by a version ("<3.5.0", ">=1.2"); "*" matches every version.
// Returns false when `range` is empty or any comparator is malformed (a bad table row never
// marks anything vulnerable; tests/unit/semver_test.cc checks every row of the shipped tables).
bool Satisfies(const Version& v, std::string_view range);

// True when `range` is well formed (see Satisfies).
bool ValidRange(std::string_view range);

}  // namespace portal_check::semver

#endif  // PORTAL_CHECK_NORMALIZE_SEMVER_H_
