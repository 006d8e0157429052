// The wasm module's API (hand-written; keep in step with wasm/binding.cc).
// Every method takes and returns JSON text; errors come back as values, never as exceptions:
//   {"ok": false, "error": {"code": "invalid-argument", "message": "…"}}

export interface AuditOptions {
  /** The audit's start URL; default: the first entry's request URL. */
  target?: string;
  /** A ruleset document {ruleset, rules, data} to use instead of the embedded one (replay). */
  ruleset?: unknown;
}

export interface Session {
  /** Loads a whole HAR text and indexes its entries. → {"ok":true,"total":N} */
  openHar(harText: string): string;
  /** Audits up to maxEntries more entries of the opened HAR. → {"ok":true,"done":n,"total":N} */
  step(maxEntries: number): string;
  /** Audits one HAR entry given as JSON text. → {"ok":true} */
  addEntry(entryJson: string): string;
  /** Ends the audit. → {"ok":true} ; afterwards output() gives the report. */
  finish(): string;
  /** The finished report as "json" (the report contract) or "sarif" (SARIF 2.1.0) text. */
  output(format: "json" | "sarif"): string;
  /** Frees the session (embind). */
  delete(): void;
}

export interface PortalCheckModule {
  /** {"name":"portal-check","version":"…"} */
  engineInfo(): string;
  /** The embedded ruleset document (JSON text). */
  embeddedRuleset(): string;
  Session: new (optionsJson: string) => Session;
}

export default function createPortalCheck(overrides?: { wasmBinary?: Uint8Array }): Promise<PortalCheckModule>;
