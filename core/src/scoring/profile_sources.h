// The provenance of a criteria profile (rules/profiles/<id>.json): the documents it cites, each
// citation's clause and status, and which half of a mixed criterion each check or declaration
// covers. The documents themselves live in one catalogue (rules/profiles/documents.json, the
// ruleset's "documents"): {id, title, short, law, status, url, copy_url?, note?}.
//
// A citation ("sources" of a criterion): {"document": catalogue id, "clause": {vi, en},
//   "status": "confirmed" | "third-party" | "to-confirm", "note"?: {vi, en}}.
//   confirmed   = an official text (or the label programme's own page) is stored and says it;
//   third-party = known only from third-party copies or paraphrases;
//   to-confirm  = the text is not stored, or the mapping is an inference.
// A document's "law": "current" (the law in force in 2026), "legacy" (the framework it replaces),
//   "none" (not a legal text: the programme's pages, news, notes).
// "covers" (optional, for criteria that mix a technical and a declared half): [{"half":
//   "technical" | "policy" | "declared", "text": {vi, en}, "checks": [...], "declarations": [...]}],
//   each check and declaration one of the criterion's own.
#ifndef PORTAL_CHECK_SCORING_PROFILE_SOURCES_H_
#define PORTAL_CHECK_SCORING_PROFILE_SOURCES_H_

#include <string>
#include <string_view>

#include "ruleset/ruleset.h"
#include "portal_check/status.h"
#include "util/json.h"

namespace portal_check {

// Checks a profile's own "sources" (an array of catalogue document ids) and, for every criterion,
// its citations and "covers" as described above. `where` prefixes every message ("profile 'x'").
// Errors: kInvalidArgument naming the first problem.
Status ValidateProfileSources(const std::string& where, const json::Value& profile, const Ruleset& ruleset);

// The report's form of a criterion's citations: [{"clause": {en, vi}, "document": id, "law":
// the document's era, "status": the citation's status, "url": the document's address}], in the
// profile's order. REQUIRES: ValidateProfileSources succeeded.
json::Value CitationsJson(const json::Value& criterion, const Ruleset& ruleset);

}  // namespace portal_check

#endif  // PORTAL_CHECK_SCORING_PROFILE_SOURCES_H_
