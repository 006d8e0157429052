// The wasm module's API (hand-written; keep in step with wasm/binding.cc).
// Every method takes and returns JSON text; errors come back as values, never as exceptions:
//   {"ok": false, "error": {"code": "invalid-argument", "message": "…"}}

export interface AuditOptions {
  /** The audit's start URL; default: the first entry's request URL. */
  target?: string;
  /** A ruleset document {ruleset, rules, data} to use instead of the embedded one (replay). */
  ruleset?: unknown;
  /**
   * Criteria profiles to evaluate (ids of the ruleset's "profiles": "tnm-website-basic",
   * "decree-137-trust", "level-2", "level-3", "observatory"). The report gains "profiles" only when this is non-empty.
   * An unknown id is an invalid-argument error.
   */
  profiles?: string[];
  /**
   * The applicant's declarations, as rules/schema/declarations.schema.json describes:
   * {"version": 1, "organization"?: {...}, "declarations": {id: {"value": boolean, "note"?: string}}}.
   * Without it, criteria that need a declaration (and whose checks all saw their evidence) say
   * "needs-declaration". Invalid → invalid-argument
   * (message starting "declarations: ").
   */
  declarations?: Declarations;
}

export interface Declarations {
  version: 1;
  organization?: Record<string, string>;
  declarations: Record<string, { value: boolean; note?: string }>;
}

/** One criterion of a profile section of the report (report.profiles[id].criteria[i]). */
export interface CriterionReport {
  id: string;
  /** "met" is "đã đáp ứng đầy đủ" (Decree 331/2026 Art. 22(6)); not-met, not-assessed and
   *  needs-declaration are "chưa đáp ứng đầy đủ". */
  status: "met" | "not-met" | "not-assessed" | "needs-declaration" | "not-applicable";
  checks: string[];
  /** outcome: the result's outcome, "not-run" (check not in the ruleset) or "no-result". */
  findings: { check: string; outcome: string; page: string | null; effect: "fails" | "inconclusive" | "passes" }[];
  findings_omitted?: number;
  declarations: { id: string; value: boolean | null; note?: string }[];
  min_grade?: string;
  /** The criterion's citations: law "current" | "legacy" | "none" (the document's era), status
   *  "confirmed" | "third-party" | "to-confirm", url the document's address. */
  sources: { clause: { en: string; vi: string }; document: string; law: string; status: string; url: string }[];
}

export interface Session {
  /**
   * Feeds the next bytes of a HAR document (chunks of any size; a Uint8Array keeps the bytes
   * exact, a string is UTF-8 encoded). Every entry completed by these bytes is audited at once,
   * so memory stays bounded by the largest entry. → {"ok":true,"entries":n} (entries audited so far)
   */
  feed(bytes: Uint8Array | string): string;
  /**
   * A buffer of `size` bytes inside the wasm memory for the next feedInput(): copy the next chunk
   * into it at once (view.set(chunk)); valid only until the next call into the module. Cheaper
   * than feed(Uint8Array), which embind copies byte by byte.
   */
  inputBuffer(size: number): Uint8Array;
  /** feed() of the bytes last copied into inputBuffer(): the same replies. */
  feedInput(): string;
  /** Audits one HAR entry given as JSON text (instead of feed). → {"ok":true,"entries":n} */
  addEntry(entryJson: string): string;
  /** Ends the input (checks a fed document was complete) and the audit. → {"ok":true}; then output() gives the report. */
  finish(): string;
  /**
   * The finished report as "json" (the report contract) or "sarif" (SARIF 2.1.0) text. Any other
   * format name gives the error value {"ok":false,"error":{"code":"invalid-argument",…}}.
   */
  output(format: "json" | "sarif"): string;
  /**
   * The same text as output(), as a view of its UTF-8 bytes inside the wasm memory (no copy in
   * the wasm heap, which never shrinks). Valid only until the next call into the module: decode
   * it at once (e.g. new TextDecoder().decode(view)). An unknown format name gives the bytes of
   * output()'s error value.
   */
  outputBytes(format: "json" | "sarif"): Uint8Array;
  /**
   * Writes the output in pieces: onPiece(view) for each piece in order, a view of its UTF-8 bytes
   * inside the wasm memory, valid only during that call (copy or decode it there; make no call
   * into the module from it; it must not throw). The pieces (at most 1 MiB each, or one longer
   * string; never cut inside a character) concatenated are output(format)'s bytes; the output is
   * never whole in the wasm heap. Rendered anew at each call. → {"ok":true}, or an error value
   * (an unknown format name: "invalid-argument"; before finish(): "failed-precondition").
   */
  writeOutput(format: "json" | "sarif", onPiece: (view: Uint8Array) => void): string;
  /** The graded page's response headers as JSON [[name, value], …], secret values redacted; "[]" when no page was graded; "" before finish(). */
  gradedHeaders(): string;
  /** Frees the session (embind). */
  delete(): void;
}

/**
 * Reads a HAR document's JSON exactly as a Session's audit does, without auditing it: the
 * document's structure (duplicate member names outside the entries included) and each entry's
 * JSON. For hosts that also read the document with JSON.parse (the evidence-bundle path).
 */
export interface HarCheck {
  /** Feeds the next bytes (as Session.feed). → {"ok":true}, or the error the audit would stop on. */
  feed(bytes: Uint8Array | string): string;
  /** As Session.inputBuffer / feedInput. */
  inputBuffer(size: number): Uint8Array;
  feedInput(): string;
  /** Ends the input. → {"ok":true}, or the error for an empty, truncated or entry-less document. */
  finish(): string;
  /** Frees it (embind). */
  delete(): void;
}

export interface PortalCheckModule {
  /** {"name":"portal-check","version":"…"} */
  engineInfo(): string;
  /** The embedded ruleset document (JSON text). */
  embeddedRuleset(): string;
  Session: new (optionsJson: string) => Session;
  HarCheck: new () => HarCheck;
}

export default function createPortalCheck(overrides?: { wasmBinary?: Uint8Array }): Promise<PortalCheckModule>;
