// The engine's one entry point: an incremental auditor.
//
//   auto a = Auditor::Create(options);         // StatusOr<std::unique_ptr<Auditor>>
//   a->OpenHar(har_text); while (done < total) a->Step(20);   // or AddEntry(entry) per entry
//   a->Finish(); a->ReportJson(); a->Sarif();
//
// Memory: the auditor parses one entry at a time and keeps, per exchange, only what site-level
// checks need (URLs, status codes) plus the results; bodies and page models are dropped as soon as
// the entry is audited. The core never reads the network, the clock or randomness, so the same
// evidence and ruleset always give the same report bytes.
#ifndef PORTAL_CHECK_AUDITOR_H_
#define PORTAL_CHECK_AUDITOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "portal_check/status.h"

namespace portal_check {

struct EngineInfo {
  static const char* Name();     // "portal-check"
  static const char* Version();  // the engine version (CMake project version)
};

struct AuditOptions {
  // The start URL of the audit. Empty: log._portalCheck.target of the HAR, else the first entry's URL.
  std::string target;
  // A ruleset document (see engine/ruleset.h). Empty: the ruleset embedded at build time.
  std::string ruleset_document;
};

class Auditor {
 public:
  // Errors: kInvalidArgument when options.ruleset_document is given and is not a valid ruleset.
  static StatusOr<std::unique_ptr<Auditor>> Create(const AuditOptions& options);
  virtual ~Auditor() = default;

  // Takes a whole HAR text and indexes its entries (none is audited yet). Returns the number of
  // entries. Errors: see HarCursor::Open. REQUIRES: called at most once, before any AddEntry.
  virtual StatusOr<std::size_t> OpenHar(std::string har_text) = 0;
  // Audits up to `max_entries` further entries of the opened HAR; returns how many are done in
  // all. An entry that is not a valid HAR entry stops the audit with its error (input error).
  virtual StatusOr<std::size_t> Step(std::size_t max_entries) = 0;
  // Audits one HAR entry (JSON text). Errors: see ReadHarEntry; kFailedPrecondition after Finish.
  virtual Status AddEntry(std::string_view entry_json) = 0;
  // Runs the site-level checks and builds the report. REQUIRES: every opened entry was stepped.
  virtual Status Finish() = 0;
  // The report (JSON text, the contract of CHECKS.md) and its SARIF 2.1.0 form.
  // REQUIRES: Finish() succeeded; otherwise they return "".
  virtual const std::string& ReportJson() const = 0;
  virtual const std::string& Sarif() const = 0;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_AUDITOR_H_
