// The engine's one entry point: an incremental auditor.
//
//   auto a = Auditor::Create(options);         // StatusOr<std::unique_ptr<Auditor>>
//   a->Feed(chunk); a->Feed(chunk); ...        // a HAR document in chunks of any size
//   a->Finish(); a->ReportJson(); a->Sarif();  // (or AddEntry(entry) per HAR entry, then Finish)
//   a->WriteOutput(OutputFormat::kSarif, sink); // or an output in pieces, never whole in memory
//
// Memory: the auditor holds at most one HAR entry's text at a time (each entry is audited as soon
// as its last byte arrives) and drops bodies and page models as soon as the entry is audited; it
// keeps, per exchange, only what site-level checks need (URLs, status codes) and the results.
// So the evidence costs memory bounded by the largest entry, not by the HAR; the results grow
// with the number of pages, kept compact (each result's details as JSON text, rendered when it is
// emitted), and the report and its SARIF form are written, when asked, straight from them into
// strings allocated at their exact size, or in pieces (WriteOutput) (scripts/bench measures the peak memory). The core never reads the network,
// the clock or randomness, so the same evidence and ruleset always give the same report bytes.
#ifndef PORTAL_CHECK_AUDITOR_H_
#define PORTAL_CHECK_AUDITOR_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "portal_check/status.h"

namespace portal_check {

struct EngineInfo {
  static const char* Name();     // "portal-check"
  static const char* Version();  // the engine version (CMake project version)
  // The ruleset document embedded at build time (JSON text, see AuditOptions::ruleset_document).
  static std::string_view EmbeddedRuleset();
};

struct AuditOptions {
  // The start URL of the audit. Empty: log._portalCheck.target of the HAR, else the start of the
  // redirect chain to the HAR's main document (engine/target_choice.h), else none.
  std::string target;
  // A ruleset document (see ruleset/ruleset.h). Empty: the ruleset embedded at build time.
  std::string ruleset_document;
  // Criteria profiles to evaluate (ids of the ruleset's "profiles", e.g. "tnm-website-basic",
  // "decree-137-trust", "level-2", "level-3", "observatory"). Empty: none, and the report has no "profiles" member.
  std::vector<std::string> profiles;
  // The applicant's declarations (JSON text, rules/schema/declarations.schema.json). Empty: none
  // declared, so criteria that need one say needs-declaration.
  std::string declarations_json;
};

// Reads AuditOptions from a JSON object {"target"?: string, "ruleset"?: ruleset document,
// "profiles"?: [profile id, …], "declarations"?: object}; a member that is absent or null is
// not given. Empty text: default options. Errors: kInvalidArgument when the text is not JSON
// (nested at most 64 deep), when "profiles" is not an array of strings, or when "declarations"
// is not an object ("options: …" / "declarations: …" messages).
StatusOr<AuditOptions> AuditOptionsFromJson(std::string_view json);

// The outputs of a finished audit.
enum class OutputFormat {
  kReportJson,  // "json": the report (Auditor::ReportJson)
  kSarif,       // "sarif": its SARIF 2.1.0 form (Auditor::Sarif)
};
// The format named `name` ("json" or "sarif", exact). Errors: kInvalidArgument for any other name.
StatusOr<OutputFormat> ParseOutputFormat(std::string_view name);

class Auditor {
 public:
  // Errors: kInvalidArgument when options.ruleset_document is given and is not a valid ruleset,
  // when a profile id is unknown or its profile malformed, or when declarations_json is invalid
  // (even with no profile asked for).
  static StatusOr<std::unique_ptr<Auditor>> Create(const AuditOptions& options);
  virtual ~Auditor() = default;

  // Consumes the next bytes of a HAR document and audits every entry completed by them (entries
  // before the target's main document is found are held, within limits::kMaxTargetSearch*).
  // Errors: see HarStream::Feed (a document that is not a HAR, duplicate members outside the
  // entries) and duplicate members inside an entry; any other unreadable entry, and an entry over
  // limits::kMaxEntryBytes or nested past limits::kMaxJsonDepth, is skipped with a notice and the
  // audit goes on;
  // kFailedPrecondition after Finish or after AddEntry. After an error every call fails.
  virtual Status Feed(std::string_view bytes) = 0;
  // Audits one HAR entry (JSON text). Errors: see ReadHarEntry; kFailedPrecondition after Finish
  // or once Feed was used.
  virtual Status AddEntry(std::string_view entry_json) = 0;
  // HAR entries read so far: audited, or skipped past a limit (each skip has a notice).
  virtual std::size_t entries() const = 0;
  // Ends the input (for Feed: checks the document was complete), runs the site-level checks and
  // builds the report. Errors: see HarStream::End; kFailedPrecondition when called twice.
  virtual Status Finish() = 0;
  // The report (JSON text, the contract of docs/report.md) and its SARIF 2.1.0 form, each
  // rendered on its first call (an audit that never asks for one does not pay for it) from the
  // audit's outcome, which the auditor keeps from Finish on; so a first call is not cheap. Then
  // kept: a host that copies an output out rather uses WriteOutput. Not thread-safe, like every
  // other member. REQUIRES: Finish() succeeded; otherwise they return "".
  virtual const std::string& ReportJson() const = 0;
  virtual const std::string& Sarif() const = 0;
  // Writes the output `format` to sink(piece), in order, in pieces of at most kOutputPieceBytes
  // (a single longer token, e.g. one long string, is a piece of its own; a piece never ends
  // inside a UTF-8 character); the pieces concatenated are Output(format)'s bytes. Renders from
  // the kept outcome each time it is called and keeps nothing (a rendered ReportJson()/Sarif()
  // is not used): the output is never whole in the engine's memory, only one piece at a time
  // (the wasm heap never shrinks; a 1,000-page SARIF is 37 MB). `sink` must not throw.
  // Errors: kFailedPrecondition unless Finish() succeeded.
  static constexpr std::size_t kOutputPieceBytes = std::size_t{1} << 20;
  virtual Status WriteOutput(OutputFormat format, const std::function<void(std::string_view)>& sink) const = 0;
  // The graded page's response headers (the page of the report's "grade"), for hosts that show
  // them beside the grade: compact JSON [[name, value], …] in the order received, each string
  // valid UTF-8 (at most limits::kMaxHeaderValueBytes) with every secret value the evidence held
  // (cookie values, credentials, tokens) replaced by its marker, as in the report. "[]" when no
  // page was graded. Not part of the report (replays compare reports only).
  // REQUIRES: Finish() succeeded; otherwise "".
  virtual const std::string& GradedHeadersJson() const = 0;
  // ReportJson() or Sarif(), by format. REQUIRES: as they do.
  const std::string& Output(OutputFormat format) const { return format == OutputFormat::kSarif ? Sarif() : ReportJson(); }
};

// Reads a HAR document's JSON exactly as an audit does, without auditing it (for hosts that also
// read the document with another JSON reader: they run this first, so that a document the two
// readers would see differently is refused with the audit's own message).
class HarDocumentCheck {
 public:
  static std::unique_ptr<HarDocumentCheck> Create();
  virtual ~HarDocumentCheck() = default;
  // Consumes the next bytes (any split); the first error an audit of the same bytes would stop on
  // at this point (see Auditor::Feed). After an error every call fails with it.
  virtual Status Feed(std::string_view bytes) = 0;
  // Declares the input complete: the errors of an empty, truncated or entry-less document.
  virtual Status End() = 0;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_AUDITOR_H_
