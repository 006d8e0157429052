// `portal-check verify BUNDLE [--keyring FILE] [--pubkey FILE] [--accept-modified-ruleset]
// [--lang en|vi]`: prints each verification step, one line each, then the verdict.
//
// renderVerification(result, {lang = 'en'}) → text ending in "\n" (result: verifyBundle's value):
//   a line for the I-JSON check, the structure, each section digest, the signature, the ruleset
//   and the replay ("ok", "FAIL", "NOTE" for a reason the bundle is only intact, "—" not reached),
//   then the verdict (verify-messages.mjs verdictMessage) and, unless verified, each other problem.
//   Every string from the bundle goes through plain().
// verifyExitCode(result) → VERIFY_EXIT[result.state]: 0 verified, 3 intact (not verified), 1 failed.
import { plain } from './plain-text.mjs';
import { verificationMessage, verdictMessage, stepName } from '../host/bundle/verify-messages.mjs';

export const VERIFY_EXIT = Object.freeze({ verified: 0, failed: 1, intact: 3 });

export function verifyExitCode(result) {
  return VERIFY_EXIT[result.state] ?? VERIFY_EXIT.failed;
}

const STEPS = ['i-json', 'structure', 'digests', 'signature', 'ruleset', 'replay'];
const row = (name, status, detail) => `${`${name.padEnd(16)}${status.padEnd(6)}${plain(detail)}`.trimEnd()}\n`;

// The row of a step: FAIL with its first problem when it failed, "—" after a failed step, NOTE with
// its first problem when it only noted one, else ok with okDetail.
function stepRow(r, step, lang, okDetail) {
  const name = stepName(step, lang);
  const failedAt = r.failedStep ? STEPS.indexOf(r.failedStep) : STEPS.length;
  const mine = r.problems.find((p) => p.step === step);
  if (r.failedStep === step) return row(name, 'FAIL', mine ? verificationMessage(mine, lang) : '');
  if (STEPS.indexOf(step) > failedAt) return row(name, '—', '');
  if (mine) return row(name, 'NOTE', verificationMessage(mine, lang));
  return row(name, 'ok', okDetail);
}

function signatureDetail(r, lang) {
  const s = r.signer;
  if (!s) return lang === 'vi' ? 'không có chữ ký' : 'unsigned';
  const who = s.organization ? ` — ${s.organization}` : '';
  return `ES256 ${s.fingerprint}${who}${s.trusted ? (lang === 'vi' ? ' (khóa tin cậy)' : ' (trusted key)') : ''}`;
}

export function renderVerification(r, { lang = 'en' } = {}) {
  let out = '';
  out += stepRow(r, 'i-json', lang, lang === 'vi' ? 'không có tên trùng, nửa cặp UTF-16 hay số vượt phạm vi' : 'no duplicate member, lone surrogate or out-of-range number');
  out += stepRow(r, 'structure', lang, 'portal-check-bundle version 1');
  for (const s of r.sections) {
    out += row(s.name, s.ok ? 'ok' : 'FAIL', s.ok ? `sha256 ${s.actual}` : `expected sha256 ${s.expected}, got ${s.actual ?? 'none'}`);
  }
  if (r.sections.length > 0) {
    const manifestDigest = r.problems.find((p) => p.code === 'manifest-ruleset-digest');
    if (manifestDigest) out += row('manifest', 'FAIL', verificationMessage(manifestDigest, lang));
  }
  out += stepRow(r, 'signature', lang, signatureDetail(r, lang));
  out += stepRow(r, 'ruleset', lang, lang === 'vi' ? 'bộ quy tắc đã phát hành của phiên bản engine ghi trong manifest' : "a released ruleset of the manifest's engine version");
  out += stepRow(r, 'replay', lang, lang === 'vi' ? `báo cáo chạy lại giống hệt từng byte (engine ${r.replay.currentEngineVersion})` : r.replay.note);
  const verdict = verdictMessage(r, lang);
  out += `${plain(verdict)}\n`;
  if (r.state !== 'verified') {
    for (const p of r.problems) {
      const line = verificationMessage(p, lang);
      if (line !== verdict) out += `  ${plain(line)}\n`;
    }
  }
  return out;
}
