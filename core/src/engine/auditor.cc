// The incremental auditor: HAR entries in, one at a time; report out.
#include "portal_check/auditor.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include "checks/registry.h"
#include "checks/audit_context.h"
#include "engine/evidence_gaps.h"
#include "scoring/profile.h"
#include "scoring/result_join.h"
#include "ruleset/ruleset.h"
#include "engine/target_choice.h"
#include "evidence/har_reader.h"
#include "evidence/har_stream.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "scoring/grade.h"
#include "report/graded_headers.h"
#include "report/outcome_redaction.h"
#include "report/report_json.h"
#include "scoring/reported_result.h"
#include "report/sarif.h"
#include "report/secret_redaction.h"
#include "util/permute.h"
#include "util/text.h"

#ifndef PORTAL_CHECK_VERSION
#define PORTAL_CHECK_VERSION "0.2.0"
#endif

namespace portal_check {

const char* EngineInfo::Name() { return "portal-check"; }
const char* EngineInfo::Version() { return PORTAL_CHECK_VERSION; }
std::string_view EngineInfo::EmbeddedRuleset() { return Ruleset::EmbeddedDocument(); }

namespace {

std::string CharsetOf(const Exchange& ex) {
  auto ct = ex.response_headers.Get("Content-Type");
  if (!ct) return "";
  std::string lower = text::Lower(*ct);
  const std::size_t pos = lower.find("charset=");
  if (pos == std::string::npos) return "";
  std::string_view cs = std::string_view(lower).substr(pos + 8);
  cs = cs.substr(0, cs.find(';'));
  cs = text::Trim(cs);
  if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'')) cs = cs.substr(1, cs.size() - 2);
  return std::string(cs);
}

// The ids of the checks this engine implements (AllChecks), as a set built once.
const std::unordered_set<std::string_view>& ImplementedCheckIds() {
  static const auto* const kIds = [] {
    auto* ids = new std::unordered_set<std::string_view>();
    for (const CheckDescriptor& d : AllChecks()) ids->insert(d.id);
    return ids;
  }();
  return *kIds;
}

// From this many results on, equal details texts are kept once (TextPool): a small audit's
// results are too few to repeat much, and it would pay for the pool's look-ups. Not a limit.
constexpr std::size_t kShareDetailsFrom = 256;

// One result emitted by `check`, kept within the outcome codes its rule file declares (the only
// list of them: a code without a row becomes "error"), joined with its rule and kept compact
// (scoring/result_join.h; details_pool as there).
ReportedResult JoinEmitted(const CheckDescriptor& check, const Ruleset& ruleset, CheckResult r, TextPool* details_pool) {
  r.id = std::string(check.id);
  // One look-up of the rule and one of the outcome's row (engine-wide outcomes answered alike).
  const Ruleset::RuleEntry* entry = ruleset.Entry(check.id);
  const OutcomeRule* row = entry ? entry->Outcome(r.outcome) : ruleset.Outcome(check.id, r.outcome);
  if (!row) {
    r.details = Details().Str("message",
        "internal: the check emitted an unknown outcome '" + text::SafeUtf8(r.outcome, 100) + "'");
    r.outcome = "error";
    row = ruleset.Outcome(check.id, r.outcome);
  }
  // (SafeUtf8 changes nothing in a clean string within the limit, e.g. one PageResult made.)
  if (r.page && (r.page->size() > limits::kMaxUrlBytes || !text::IsCleanUtf8(*r.page)))
    *r.page = text::SafeUtf8(*r.page, limits::kMaxUrlBytes);
  return JoinResult(std::move(r), entry, *row, ruleset, details_pool);
}

// What a check that emitted nothing in a whole audit reports: its rule file's "absent" result, else
// a generic one saying what it reads. It depends on nothing but the ruleset and whether any HTML
// document was audited, so it is joined once per ruleset and kept with it (NothingSeen).
struct NothingSeenResults {
  struct PerCheck {
    ReportedResult no_document;     // when no HTML document was audited
    ReportedResult with_documents;  // otherwise
  };
  std::map<const CheckDescriptor*, PerCheck> by_check;  // by descriptor (AllChecks() holds them for good)
};

NothingSeenResults JoinNothingSeen(const Ruleset& ruleset) {
  NothingSeenResults out;
  for (const CheckDescriptor& d : AllChecks()) {
    if (!ruleset.Lists(d.id)) continue;
    NothingSeenResults::PerCheck& per = out.by_check[&d];
    if (std::optional<AbsentEvidence> absent = ruleset.Absent(d.id)) {
      per.no_document = JoinEmitted(d, ruleset, SiteResult(std::move(absent->outcome), std::move(absent->reason)), nullptr);
      per.with_documents = per.no_document;
      continue;
    }
    const json::Value* rule = ruleset.Rule(d.id);
    const std::string* evidence = rule ? json::FindString(*rule, "evidence") : nullptr;
    const std::string needs = evidence ? " (it reads: " + *evidence + ")" : std::string();
    per.no_document = JoinEmitted(d, ruleset, SiteResult("not-captured", "no HTML document was audited, so this check had nothing to read" + needs), nullptr);
    per.with_documents = JoinEmitted(d, ruleset, SiteResult("not-applicable", "the evidence holds nothing this check judges" + needs), nullptr);
  }
  return out;
}

// JoinNothingSeen(ruleset), made on the first call and kept in the ruleset's store of compiled
// products (it lives as long as the ruleset).
const NothingSeenResults& NothingSeen(const Ruleset& ruleset) {
  static char tag;  // one distinct address: the product's key in the store
  const CompiledDataStore::Key key{&tag, &tag};
  return *static_cast<const NothingSeenResults*>(ruleset.compiled_data()->GetOrMake(key, [&] {
    return std::shared_ptr<const void>(std::make_shared<const NothingSeenResults>(JoinNothingSeen(ruleset)));
  }).get());
}

// The checks of AllChecks() the ruleset lists (in AllChecks' order), and the ids it lists that no
// check implements. Made on the first audit of a ruleset and kept in its store of compiled products.
struct ListedChecks {
  std::vector<const CheckDescriptor*> checks;
  std::vector<std::string_view> unimplemented_ids;  // views of the ruleset's rule_ids()
};

const ListedChecks& ListedChecksOf(const Ruleset& ruleset) {
  static char tag;  // one distinct address: the product's key in the store
  const CompiledDataStore::Key key{&tag, &tag};
  return *static_cast<const ListedChecks*>(ruleset.compiled_data()->GetOrMake(key, [&] {
    auto listed = std::make_shared<ListedChecks>();
    for (const CheckDescriptor& d : AllChecks())
      if (ruleset.Lists(d.id)) listed->checks.push_back(&d);
    for (const std::string& id : ruleset.rule_ids())
      if (!ImplementedCheckIds().count(id)) listed->unimplemented_ids.push_back(id);
    return std::shared_ptr<const void>(std::move(listed));
  }).get());
}

// Collects one check's results as they are emitted (JoinEmitted).
class CollectingSink : public ResultSink {
 public:
  // `emitted` is set once the check has emitted a result.
  CollectingSink(const CheckDescriptor& check, const Ruleset& ruleset, TextPool& details_pool,
                 std::vector<ReportedResult>& out, bool& emitted)
      : check_(check), ruleset_(ruleset), details_pool_(details_pool), out_(out), emitted_(emitted) {}
  void Emit(CheckResult r) override {
    out_.push_back(JoinEmitted(check_, ruleset_, std::move(r), out_.size() >= kShareDetailsFrom ? &details_pool_ : nullptr));
    emitted_ = true;
  }

 private:
  const CheckDescriptor& check_;
  const Ruleset& ruleset_;
  TextPool& details_pool_;
  std::vector<ReportedResult>& out_;
  bool& emitted_;
};

class AuditorImpl : public Auditor {
 public:
  AuditorImpl(std::shared_ptr<const Ruleset> ruleset, std::string target, std::set<std::string> profiles,
              Declarations declarations)
      : ruleset_(std::move(ruleset)), requested_target_(std::move(target)), profiles_(std::move(profiles)),
        declarations_(std::move(declarations)) {
    const ListedChecks& listed = ListedChecksOf(*ruleset_);
    checks_.reserve(listed.checks.size());
    for (const CheckDescriptor* d : listed.checks) checks_.push_back(ListedCheck{d, d->make()});
    results_.reserve(2 * checks_.size());  // a small site's results, without regrowing
    stream_.SetSkipSink([this](const char* limit) { OnSkippedEntry(limit); });
    for (std::string_view id : listed.unimplemented_ids)
      AddNotice("unknown-rule", std::nullopt, "the ruleset lists '" + std::string(id) + "', which this engine version does not implement");
  }

  Status Feed(std::string_view bytes) override {
    if (finished_) return Status::Precondition("the audit is finished");
    if (!error_.ok()) return error_;
    if (entries_ > 0 && !feeding_) return Status::Precondition("entries were added one by one; Feed cannot follow");
    feeding_ = true;
    error_ = stream_.Feed(bytes, [this](std::string_view entry) {
      if (entries_ == 0) OnFirstEntry();
      return Audit(entry);
    });
    return error_;
  }

  std::size_t entries() const override { return entries_; }

  Status AddEntry(std::string_view entry_json) override {
    if (finished_) return Status::Precondition("the audit is finished");
    if (feeding_) return Status::Precondition("a HAR document is being fed; AddEntry cannot be mixed with it");
    return Audit(entry_json);
  }

  Status Finish() override {
    if (finished_) return Status::Precondition("the audit is already finished");
    if (!error_.ok()) return error_;
    if (feeding_) {
      if (Status s = stream_.End(); !s.ok()) return error_ = s;
    }
    if (!pending_.empty()) Choose(FinalChoice::kEndOfInput, nullptr);
    return BuildReport();
  }

  // Each rendered on first request, from the outcome kept since Finish: an audit whose output is
  // never read, or only written in pieces, does not hold it.
  const std::string& ReportJson() const override {
    if (outcome_ && !report_) report_ = RenderReportJson(*outcome_, *ruleset_);
    return report_ ? *report_ : kNoOutput;
  }
  const std::string& Sarif() const override {
    if (outcome_ && !sarif_) sarif_ = RenderSarif(*outcome_, *ruleset_);
    return sarif_ ? *sarif_ : kNoOutput;
  }
  Status WriteOutput(OutputFormat format, const std::function<void(std::string_view)>& sink) const override {
    if (!outcome_) return Status::Precondition("the audit is not finished");
    if (format == OutputFormat::kSarif) WriteSarifInPieces(*outcome_, *ruleset_, kOutputPieceBytes, sink);
    else WriteReportJsonInPieces(*outcome_, *ruleset_, kOutputPieceBytes, sink);
    return Status::Ok();
  }
  const std::string& GradedHeadersJson() const override { return graded_headers_; }

 private:
  // Reads and audits one entry.
  Status Audit(std::string_view entry_json) {
    const std::size_t index = entries_;
    if (index >= limits::kMaxEntries) {
      if (index == limits::kMaxEntries)
        AddNotice("kMaxEntries", std::nullopt, "more than " + std::to_string(limits::kMaxEntries) + " entries; the rest were not audited");
      ++entries_;
      return Status::Ok();
    }
    StatusOr<Exchange> ex = ReadHarEntry(entry_json, index, notices_);
    if (!ex.ok()) {
      // Duplicate members make the whole document ambiguous (readers disagree on which one
      // counts), so they stop the audit; any other unreadable entry costs only itself.
      if (IsDuplicateMemberError(ex.status())) return ex.status();
      ++entries_;
      AddNotice("entry-unreadable", index,
                "entry " + std::to_string(index) + " could not be read (" + text::SafeUtf8(ex.status().message(), 300) +
                    "); it was skipped and the rest of the HAR was audited");
      return Status::Ok();
    }
    ++entries_;
    Admit(std::move(ex.value()));
    return Status::Ok();
  }

  static bool IsDuplicateMemberError(const Status& s) {
    return s.message().find("duplicate member") != std::string::npos;
  }

  // The target decision needs what the HAR's log said before its entries (pages, creator,
  // _portalCheck.target); read once, when the first entry arrives.
  void OnFirstEntry() {
    if (requested_target_.empty()) requested_target_ = stream_.declared_target();
    const HarLogInfo& log = stream_.log_info();
    if (log.pages_before_entries && !log.pages.empty()) first_page_ = {log.pages.front().id, log.pages.front().title};
  }

  // An exchange joins the audit: audited at once when the target is known; otherwise held until
  // the target's main document is found (engine/target_choice.h), within the search limits.
  void Admit(Exchange ex) {
    gaps_.Note(ex, notices_);
    if (ctx_) {
      AuditExchange(ex);
      return;
    }
    if (!requested_target_.empty()) {
      ctx_ = std::make_unique<AuditContext>(Url::Parse(requested_target_), &ruleset_->data(), ruleset_.get());
      AuditExchange(ex);
      return;
    }
    pending_bytes_ += ex.body.size() + ex.url.size();
    pending_.push_back(std::move(ex));
    const char* limit = pending_.size() > limits::kMaxTargetSearchEntries ? "kMaxTargetSearchEntries"
                        : pending_bytes_ > limits::kMaxTargetSearchBytes  ? "kMaxTargetSearchBytes"
                                                                          : nullptr;
    Choose(limit ? FinalChoice::kSearchLimit : FinalChoice::kNotYet, limit);
  }

  // Chooses the target from the held exchanges when it can (always when `final`), then audits
  // them in entry order. `limit`: the search limit that forced the choice, for its notice.
  void Choose(FinalChoice final, const char* limit) {
    std::optional<TargetChoice> choice = ChooseTarget(pending_, first_page_, final);
    if (!choice) return;
    if (limit && !choice->main_document)
      AddNotice(limit, std::nullopt,
                "no HTML document was found in the first " + std::to_string(pending_.size()) +
                    " entries; the target was taken from what they held (" + limit + ")");
    if (choice->main_document) main_document_ = pending_[*choice->main_document].index;
    ctx_ = std::make_unique<AuditContext>(Url::Parse(choice->target), &ruleset_->data(), ruleset_.get());
    std::vector<Exchange> held = std::move(pending_);
    pending_.clear();
    pending_bytes_ = 0;
    for (const Exchange& ex : held) AuditExchange(ex);
  }

  Status BuildReport() {
    if (!ctx_) ctx_ = std::make_unique<AuditContext>(Url::Parse(requested_target_), &ruleset_->data(), ruleset_.get());
    for (ListedCheck& c : checks_) {
      CollectingSink sink(*c.descriptor, *ruleset_, details_pool_, results_, c.emitted);
      c.check->OnFinish(*ctx_, sink);
    }
    EnsureEveryCheckHasAResult();
    AuditOutcome outcome;
    outcome.engine_version = EngineInfo::Version();
    outcome.ruleset_version = ruleset_->version();
    outcome.target = ctx_->target() ? ctx_->target()->href() : text::SafeUtf8(requested_target_, limits::kMaxUrlBytes);
    outcome.graded_page = primary_page_;
    outcome.grade_unavailable = GradeUnavailable();
    outcome.pages = std::move(pages_);
    outcome.entries = entries_;
    outcome.results = SortedResults();
    gaps_.SetProducer(stream_.log_info().creator_name);
    if (stream_.log_info().pages_cut)
      AddNotice("kMaxHarPages", std::nullopt,
                "log.pages has more than " + std::to_string(limits::kMaxHarPages) + " pages; only the first were read");
    gaps_.Apply(outcome.results, *ruleset_, notices_);
    // Outside the kMaxNotices cap, like "bodies-cut": what the capture never requested.
    if (const std::string& stopped = stream_.log_info().capture_stopped; !stopped.empty())
      notices_.insert(notices_.begin(),
                      Notice{"capture-stopped", std::nullopt,
                             "the capture that wrote this HAR stopped before it was complete (" + stopped +
                                 "); what it did not request was not audited"});
    const Grade grade = GradeOf(outcome, *ruleset_);
    // First, and outside the kMaxNotices cap: the one notice a reader must not miss.
    if (!grade.graded())
      notices_.insert(notices_.begin(), Notice{"no-grade", std::nullopt, UngradedReason(grade.unavailable, "en", *ruleset_)});
    outcome.notices = std::move(notices_);
    if (!profiles_.empty()) {
      const ProfileInputs in{outcome.results, declarations_, *ruleset_, grade.graded() ? outcome.graded_page : "",
                             grade.score};
      for (const std::string& id : profiles_)
        outcome.profiles[id] = ProfileSectionJson(EvaluateProfile(*ruleset_->Profile(id), in));
    }
    // The checks read the real evidence; what leaves the engine is redacted.
    RedactOutcome(outcome, Redactor());
    outcome_ = std::make_unique<AuditOutcome>(std::move(outcome));
    graded_headers_ = RenderGradedHeaders(grade.graded() ? primary_headers_ : std::vector<HeaderField>(), Redactor());
    finished_ = true;
    return Status::Ok();
  }

  void AddNotice(std::string code, std::optional<std::size_t> entry, std::string message) {
    AppendNotice(notices_, Notice{std::move(code), entry, std::move(message)});
  }

  // An entry the HAR splitter skipped past a limit: it keeps its index, and a notice names the limit.
  void OnSkippedEntry(const char* limit) {
    const std::size_t index = entries_++;
    const std::string why = std::string(limit) == "kMaxJsonDepth"
                                ? "nested deeper than " + std::to_string(limits::kMaxJsonDepth) + " levels"
                                : "larger than " + std::to_string(limits::kMaxEntryBytes) + " bytes";
    AddNotice(limit, index, "entry " + std::to_string(index) + " is " + why + " (" + limit + "); it was skipped, not audited");
  }

  // Why the report has no header grade ("" when it has one): the grade is only given on the
  // target's main HTML document, audited with its response headers and its body.
  std::string GradeUnavailable() const {
    if (primary_page_.empty()) return "no-document";
    if (!primary_had_headers_) return "no-response-headers";
    if (gaps_.PageBody(primary_page_) != BodyState::kCaptured) return "body-not-captured";
    return "";
  }

  // Every check the ruleset lists yields at least one result: a check that emitted nothing (no
  // evidence of its kind) gets one site-level result saying so: its rule file's "absent" result
  // when it declares one, else a generic one.
  void EnsureEveryCheckHasAResult() {
    const NothingSeenResults& nothing_seen = NothingSeen(*ruleset_);
    for (const ListedCheck& c : checks_) {
      if (c.emitted) continue;
      // (checks_ and NothingSeen both hold every check of AllChecks() the ruleset lists.)
      const auto per = nothing_seen.by_check.find(c.descriptor);
      if (per == nothing_seen.by_check.end()) continue;
      results_.push_back(documents_ == 0 ? per->second.no_document : per->second.with_documents);
    }
  }

  void AuditExchange(const Exchange& ex) {
    const std::optional<Url> url = Url::Parse(ex.url);
    std::optional<PageModel> page;
    bool primary = false;
    if (ex.IsHtmlDocument()) {
      ++documents_;
      page = PageModel::Build(ex.body, CharsetOf(ex), ex.body_is_text);
      if (page->truncated())
        AddNotice("kMaxPageModelNodes", ex.index,
                  "the page has more than " + std::to_string(limits::kMaxPageModelNodes) + " elements; the rest were not audited");
      if (!page->text_decoded())
        AddNotice("charset-not-decoded", ex.index,
                  "the page is in charset '" + text::SafeUtf8(page->decoded_as(), 64) +
                      "', which this engine does not decode: its non-ASCII bytes were read as U+FFFD, so the checks "
                      "that read its text saw only its ASCII characters");
    }
    if (ex.IsPage()) {
      const std::string page_url = text::SafeUtf8(ex.url, limits::kMaxUrlBytes);
      pages_.push_back(page_url);
      const bool is_main = main_document_ ? ex.index == *main_document_
                                          : url && ctx_->target() && url->host() == ctx_->target()->host();
      if (primary_page_.empty() && is_main) {
        primary_page_ = page_url;
        primary_had_headers_ = ex.response_headers.size() > 0;
        primary_headers_ = ex.response_headers.fields();
        primary = true;
      }
    }
    const PageModel* document = page ? &*page : nullptr;
    Redactor().Collect(ex, document);
    ExchangeView view{ex, url, ex.IsPage() ? document : nullptr, primary, document, nullptr};
    // Which kinds of exchange this one is (Reads), asked once per kind, not once per check.
    bool reads[kCheckInputKinds];
    for (std::size_t k = 0; k < kCheckInputKinds; ++k) reads[k] = Reads(static_cast<CheckInput>(k), view);
    for (ListedCheck& c : checks_) {
      // The exchanges the check declares (CheckDescriptor::input).
      if (!reads[static_cast<std::size_t>(c.descriptor->input)]) continue;
      CollectingSink sink(*c.descriptor, *ruleset_, details_pool_, results_, c.emitted);
      c.check->OnExchange(view, *ctx_, sink);
    }
  }

  // The results, sorted by check id, then page (a site-level one as page ""); ties keep emission order.
  // (Their positions are sorted, then the results are put in that order in place, each moved
  // along its cycle of the permutation: a second vector of results would double the memory they
  // take at the end of a large audit.)
  std::vector<ReportedResult> SortedResults() {
    std::vector<std::size_t> order(results_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [this](std::size_t ia, std::size_t ib) {
      const RetainedResult& a = results_[ia].result;
      const RetainedResult& b = results_[ib].result;
      if (const int by_id = a.id.compare(b.id); by_id != 0) return by_id < 0;
      const std::string_view pa = a.page ? std::string_view(*a.page) : std::string_view();
      const std::string_view pb = b.page ? std::string_view(*b.page) : std::string_view();
      return pa < pb;
    });
    PermuteInPlace(results_, order);
    return std::move(results_);
  }

  std::shared_ptr<const Ruleset> ruleset_;
  std::string requested_target_;
  std::set<std::string> profiles_;  // validated in Create
  Declarations declarations_;
  // The checks the ruleset lists, in AllChecks() order, each with whether it has emitted a result.
  struct ListedCheck {
    const CheckDescriptor* descriptor;
    std::unique_ptr<Check> check;
    bool emitted = false;
  };
  std::vector<ListedCheck> checks_;
  HarStream stream_;
  bool feeding_ = false;
  Status error_;
  std::size_t entries_ = 0;
  std::unique_ptr<AuditContext> ctx_;
  std::optional<SecretRedactor> redactor_;  // made with ctx_ on first use

  SecretRedactor& Redactor() {
    if (!redactor_) redactor_.emplace(*ctx_);
    return *redactor_;
  }
  // Before the target is chosen: the exchanges held, their body and URL bytes, and the id of
  // log.pages[0] when the HAR's pages came before its entries.
  std::vector<Exchange> pending_;
  std::size_t pending_bytes_ = 0;
  FirstPage first_page_;
  std::optional<std::size_t> main_document_;  // entry index of the chosen main document
  std::size_t documents_ = 0;                 // HTML documents audited (pages and site probes)
  EvidenceGaps gaps_;
  bool primary_had_headers_ = false;
  std::string primary_page_;
  std::vector<std::string> pages_;
  Notices notices_;
  std::vector<ReportedResult> results_;  // joined as emitted (scoring/result_join.h)
  TextPool details_pool_;                // the results' details texts, one copy of each (shared)
  bool finished_ = false;
  std::vector<HeaderField> primary_headers_;  // the primary page's response headers, as received
  std::string graded_headers_;
  // The redacted outcome, from Finish on (null before): what every output is rendered from.
  std::unique_ptr<const AuditOutcome> outcome_;
  // The outputs rendered by ReportJson() / Sarif() (mutable: they are const and render lazily;
  // an Auditor is used from one thread).
  mutable std::optional<std::string> report_, sarif_;
  static inline const std::string kNoOutput;
};

}  // namespace

StatusOr<std::unique_ptr<Auditor>> Auditor::Create(const AuditOptions& options) {
  std::shared_ptr<const Ruleset> ruleset;
  if (options.ruleset_document.empty()) {
    ruleset = Ruleset::Embedded();
    if (!ruleset) return Status::Internal("the embedded ruleset does not parse");
  } else {
    StatusOr<std::shared_ptr<const Ruleset>> parsed = Ruleset::Parse(options.ruleset_document);
    if (!parsed.ok()) return parsed.status();
    ruleset = parsed.value();
  }
  std::set<std::string> profiles;
  for (const std::string& id : options.profiles) {
    const json::Value* profile = ruleset->Profile(id);
    if (!profile) {
      std::string known;
      for (const std::string& k : ruleset->ProfileIds()) known += (known.empty() ? "" : ", ") + k;
      return Status::Invalid("unknown profile '" + text::SafeUtf8(id, 100) + "' (known: " + (known.empty() ? "none" : known) + ")");
    }
    if (Status s = ValidateProfile(id, *profile, *ruleset); !s.ok()) return s;
    profiles.insert(id);
  }
  StatusOr<Declarations> declarations = ParseDeclarations(options.declarations_json, *ruleset);
  if (!declarations.ok()) return declarations.status();
  return std::unique_ptr<Auditor>(
      new AuditorImpl(std::move(ruleset), options.target, std::move(profiles), std::move(declarations.value())));
}

}  // namespace portal_check
