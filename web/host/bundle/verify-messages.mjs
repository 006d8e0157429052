// The words of bundle verification, in English and Vietnamese, for the CLI and the app: one table
// keyed by the stable problem codes verifyBundle returns (verify.mjs), so that no caller words a
// problem on its own.
//
// verificationMessage(problem, lang = 'en') → one line for {step, code, params} (lang 'en' | 'vi';
//   anything else is English). An unknown code gives a generic line naming the code. Params come
//   from the bundle (member paths, engine versions, parser messages): the text is PLAIN TEXT, to be
//   rendered as text (CLI: plain(); app: textContent), never as markup.
// stepName(step, lang) → the name of a verification step ('i-json', 'structure', 'digests',
//   'signature', 'ruleset', 'replay', 'internal').
// verdictMessage(result, lang) → the headline for a verifyBundle result: "verified…" (with the
//   signer's organisation and fingerprint), "intact, not verified: …" (the first reason), or
//   "NOT VERIFIED: … failed" (the first failing step).
// signatureReasonMessage({reason, ...params}, lang) → why one signature entry is bad, for the
//   reason codes of SIGNATURE_REASONS (signature.mjs checkSignature's reasonCode).
// PROBLEM_CODES: every code the table words (a test checks each has both languages).

const list = (names) => (Array.isArray(names) ? names.join(', ') : String(names ?? ''));
const plural = (names) => (Array.isArray(names) && names.length > 1 ? 's' : '');

const STEPS = {
  'i-json': { en: 'I-JSON', vi: 'I-JSON' },
  structure: { en: 'structure', vi: 'cấu trúc' },
  digests: { en: 'digests', vi: 'mã băm' },
  signature: { en: 'signature', vi: 'chữ ký' },
  ruleset: { en: 'ruleset origin', vi: 'nguồn quy tắc' },
  replay: { en: 'replay', vi: 'chạy lại' },
  internal: { en: 'internal', vi: 'lỗi nội bộ' },
};

const BAD_SIGNATURE_REASONS = {
  'not-an-object': { en: () => 'the signature entry is not an object', vi: () => 'mục chữ ký không phải là đối tượng JSON' },
  'unsupported-alg': { en: (p) => `unsupported signature algorithm ${p.alg} (expected "ES256")`, vi: (p) => `thuật toán chữ ký ${p.alg} không được hỗ trợ (cần "ES256")` },
  'unusable-key': { en: (p) => `the signature's public key is unusable (${p.detail})`, vi: (p) => `khóa công khai của chữ ký không dùng được (${p.detail})` },
  'kid-mismatch': { en: () => "the signature's kid is not the thumbprint of its public key", vi: () => 'kid của chữ ký không phải là dấu vân tay của khóa công khai đi kèm' },
  'not-base64url': { en: () => 'the signature is not base64url text', vi: () => 'chữ ký không phải là văn bản base64url' },
  'wrong-length': { en: (p) => `the signature has ${p.bytes} bytes (ES256 needs 64)`, vi: (p) => `chữ ký dài ${p.bytes} byte (ES256 cần 64)` },
  mismatch: {
    en: () => 'the signature does not match the digests (the bundle was changed after signing, or signed by another key)',
    vi: () => 'chữ ký không khớp với các mã băm (gói đã bị sửa sau khi ký, hoặc được ký bằng khóa khác)',
  },
};

export function signatureReasonMessage(params, lang = 'en') {
  const reason = BAD_SIGNATURE_REASONS[params.reason];
  if (!reason) return String(params.reason);
  return lang === 'vi' ? reason.vi(params) : reason.en(params);
}

const badSignature = (lang) => (p) => {
  const which = p.count > 1 ? ` ${p.index + 1}` : '';
  return `${lang === 'vi' ? 'chữ ký' : 'signature'}${which}: ${signatureReasonMessage(p, lang)}`;
};

// code → {en(params), vi(params)}
const MESSAGES = {
  // i-json
  'not-text': { en: () => 'the bundle must be text', vi: () => 'gói phải là văn bản' },
  empty: { en: () => 'the bundle is empty', vi: () => 'gói rỗng' },
  truncated: { en: (p) => `the bundle is truncated (its JSON ends early: ${p.detail})`, vi: (p) => `gói bị cắt cụt (JSON kết thúc sớm: ${p.detail})` },
  'not-json': { en: (p) => `the bundle is not JSON (${p.detail})`, vi: (p) => `gói không phải là JSON (${p.detail})` },
  'duplicate-member': {
    en: (p) => `the member ${p.path} appears twice in its object (I-JSON forbids duplicate names; a reader would keep only one)`,
    vi: (p) => `thành phần ${p.path} xuất hiện hai lần trong cùng đối tượng (I-JSON cấm tên trùng; trình đọc sẽ chỉ giữ một)`,
  },
  'lone-surrogate': {
    en: (p) => `a string at ${p.path || '(root)'} holds a lone UTF-16 surrogate (not valid Unicode; I-JSON forbids it)`,
    vi: (p) => `chuỗi tại ${p.path || '(gốc)'} chứa nửa cặp UTF-16 đơn lẻ (không phải Unicode hợp lệ; I-JSON cấm)`,
  },
  'number-out-of-range': {
    en: (p) => `the number at ${p.path || '(root)'} is beyond the range of a double (I-JSON forbids it)`,
    vi: (p) => `số tại ${p.path || '(gốc)'} vượt quá phạm vi số thực double (I-JSON cấm)`,
  },
  // structure
  'not-an-object': { en: (p) => `the bundle must be a JSON object (got ${p.got})`, vi: (p) => `gói phải là một đối tượng JSON (nhận được ${p.got})` },
  'not-a-bundle': {
    en: (p) => `not a portal-check bundle: format is ${p.format} (expected "portal-check-bundle")`,
    vi: (p) => `không phải gói portal-check: format là ${p.format} (cần "portal-check-bundle")`,
  },
  'unsupported-version': {
    en: (p) => `unsupported bundle version ${p.version} (this tool reads version 1)`,
    vi: (p) => `phiên bản gói ${p.version} không được hỗ trợ (công cụ này đọc phiên bản 1)`,
  },
  'missing-members': { en: (p) => `missing top-level field${plural(p.names)}: ${list(p.names)}`, vi: (p) => `thiếu trường cấp cao nhất: ${list(p.names)}` },
  'unexpected-members': { en: (p) => `unexpected top-level field${plural(p.names)}: ${list(p.names)}`, vi: (p) => `trường cấp cao nhất không được phép: ${list(p.names)}` },
  'wrong-type': {
    en: (p) => `${p.member} must be ${p.expected === 'object' || p.expected === 'array' ? 'an' : 'a'} ${p.expected} (got ${p.got})`,
    vi: (p) => `${p.member} phải có kiểu ${p.expected} (nhận được ${p.got})`,
  },
  'declarations-type': { en: (p) => `declarations must be an object or null (got ${p.got})`, vi: (p) => `declarations phải là đối tượng hoặc null (nhận được ${p.got})` },
  'bad-manifest': {
    en: (p) => `manifest: ${MANIFEST_FIELDS[p.field]?.[0] ?? p.field}`,
    vi: (p) => `manifest: ${MANIFEST_FIELDS[p.field]?.[1] ?? p.field}`,
  },
  'bad-digest-field': { en: (p) => `digests.${p.section} must be 64 lowercase hex characters`, vi: (p) => `digests.${p.section} phải gồm 64 ký tự hex chữ thường` },
  'unexpected-digests': { en: (p) => `unexpected digests: ${list(p.names)}`, vi: (p) => `mã băm không được phép: ${list(p.names)}` },
  // digests
  'digest-mismatch': {
    en: (p) => `${p.section}: the SHA-256 digest does not match digests.${p.section} (the ${p.section} section or its digest was changed)`,
    vi: (p) => `${p.section}: mã băm SHA-256 không khớp với digests.${p.section} (phần ${p.section} hoặc mã băm của nó đã bị sửa)`,
  },
  'not-canonical': {
    en: (p) => `${p.section}: cannot be canonicalized (${p.detail})`,
    vi: (p) => `${p.section}: không chuẩn hóa được (${p.detail})`,
  },
  'manifest-ruleset-digest': {
    en: () => 'manifest: ruleset.sha256 differs from digests.ruleset',
    vi: () => 'manifest: ruleset.sha256 khác với digests.ruleset',
  },
  // signature
  'too-many-signatures': {
    en: (p) => `the bundle has ${p.count} signatures (at most ${p.max} are read)`,
    vi: (p) => `gói có ${p.count} chữ ký (chỉ đọc tối đa ${p.max})`,
  },
  'signature-too-large': {
    en: (p) => `signature ${p.index + 1} is ${p.bytes} bytes of JSON (at most ${p.max})`,
    vi: (p) => `chữ ký ${p.index + 1} dài ${p.bytes} byte JSON (tối đa ${p.max})`,
  },
  'bad-signature': { en: badSignature('en'), vi: badSignature('vi') },
  'unusable-trusted-key': {
    en: (p) => `trusted key ${p.index + 1} is unusable (${p.detail})`,
    vi: (p) => `khóa tin cậy thứ ${p.index + 1} không dùng được (${p.detail})`,
  },
  unsigned: {
    en: () => 'intact, not verified: unsigned (no proof of who made it)',
    vi: () => 'nguyên vẹn, chưa xác minh: không có chữ ký (không chứng minh được ai lập gói)',
  },
  'unknown-signer': {
    en: (p) => `intact, not verified: signed by an unknown key ${p.fingerprint} (not in the trusted keys)`,
    vi: (p) => `nguyên vẹn, chưa xác minh: được ký bằng khóa không rõ ${p.fingerprint} (không có trong danh sách khóa tin cậy)`,
  },
  // ruleset
  'modified-ruleset': {
    en: (p) => `modified ruleset: the embedded ruleset is not a released ruleset of ${p.engineName} ${p.engineVersion}`,
    vi: (p) => `bộ quy tắc đã bị sửa: bộ quy tắc trong gói không phải bộ quy tắc đã phát hành của ${p.engineName} ${p.engineVersion}`,
  },
  'unknown-engine-version': {
    en: (p) => `unknown engine version: ${p.engineName} ${p.engineVersion} is not a version this tool knows the released rulesets of`,
    vi: (p) => `phiên bản engine không rõ: công cụ này không biết các bộ quy tắc đã phát hành của ${p.engineName} ${p.engineVersion}`,
  },
  // replay
  'no-engine': { en: () => 'skipped: no engine', vi: () => 'bỏ qua: không có engine' },
  'replay-not-run': {
    en: () => 'intact, not verified: the audit was not replayed on the evidence (integrity and signature only)',
    vi: () => 'nguyên vẹn, chưa xác minh: chưa chạy lại kiểm tra trên bằng chứng (mới kiểm tra tính nguyên vẹn và chữ ký)',
  },
  'replay-differs': {
    en: (p) => `${versionNote(p, 'en')}the replayed report differs from the bundle's report from character ${p.at}`,
    vi: (p) => `${versionNote(p, 'vi')}báo cáo chạy lại khác báo cáo trong gói từ ký tự ${p.at}`,
  },
  'replay-failed': {
    en: (p) => `${versionNote(p, 'en')}the engine could not replay the evidence (${p.message})`,
    vi: (p) => `${versionNote(p, 'vi')}engine không chạy lại được bằng chứng (${p.message})`,
  },
  // any step
  internal: { en: (p) => `internal error (${p.message})`, vi: (p) => `lỗi nội bộ (${p.message})` },
};

// manifest field → [English, Vietnamese] description of its required form.
const MANIFEST_FIELDS = {
  engine: ['engine must be {name, version} strings', 'engine phải là {name, version} kiểu chuỗi'],
  ruleset: ['ruleset must be {version, sha256 (64 lowercase hex)}', 'ruleset phải là {version, sha256 (64 hex chữ thường)}'],
  profiles: ['profiles must be an array of strings', 'profiles phải là mảng chuỗi'],
  target: ['target must be a string or null', 'target phải là chuỗi hoặc null'],
  capture: ['capture must be {method, time, tool} strings', 'capture phải là {method, time, tool} kiểu chuỗi'],
  redactions: ['redactions must be an array of objects', 'redactions phải là mảng đối tượng'],
};

function versionNote(p, lang) {
  if (!p.bundleEngine || !p.currentEngine || p.bundleEngine === p.currentEngine) return '';
  return lang === 'vi'
    ? `gói được lập bởi ${p.bundleEngine}; chạy lại bằng ${p.currentEngine}. `
    : `the bundle was made by ${p.bundleEngine}; replayed with ${p.currentEngine}. `;
}

export const PROBLEM_CODES = Object.freeze(Object.keys(MESSAGES));
export const SIGNATURE_REASONS = Object.freeze(Object.keys(BAD_SIGNATURE_REASONS));

const pick = (entry, lang) => (lang === 'vi' ? entry.vi : entry.en);

export function verificationMessage(problem, lang = 'en') {
  const entry = MESSAGES[problem?.code];
  if (!entry) return lang === 'vi' ? `lỗi xác minh ${String(problem?.code)}` : `verification problem ${String(problem?.code)}`;
  return pick(entry, lang)(problem.params ?? {});
}

export function stepName(step, lang = 'en') {
  const entry = STEPS[step];
  return entry ? pick(entry, lang) : String(step);
}

export function verdictMessage(result, lang = 'en') {
  const vi = lang === 'vi';
  if (result?.state === 'verified') {
    const s = result.signer;
    const who = s ? `${s.organization ? `${s.organization}, ` : ''}${s.fingerprint}` : '';
    return vi ? `đã xác minh: được ký bởi khóa tin cậy (${who})` : `verified: signed by a trusted key (${who})`;
  }
  if (result?.state === 'intact') {
    const reason = (result.problems ?? []).find((p) => p.code === 'unsigned' || p.code === 'unknown-signer')
      ?? (result.problems ?? []).find((p) => p.code === 'replay-not-run');
    if (reason) return verificationMessage(reason, lang);
    return vi ? 'nguyên vẹn, chưa xác minh: bộ quy tắc chưa được xác nhận' : 'intact, not verified: the ruleset is not a confirmed release';
  }
  const step = stepName(result?.failedStep ?? 'internal', lang);
  return vi ? `KHÔNG XÁC MINH ĐƯỢC: bước "${step}" không đạt` : `NOT VERIFIED: the ${step} step failed`;
}
