// A row's texts in the UI's language, shared by the table, the search, the summary and the CSV.
// No DOM.
//
// stateLabel(row) → the state's label. replayText(row) → '' for a row that is no bundle, else
//   whether the replay ran and matched. problemTexts(row) → [line]: a bundle's verification
//   problems (web/host/bundle/verify-messages.mjs, the words every caller uses), then the row's own
//   error (an unreadable file, a bundle whose report section is no report). gradeText(row) → "D (30)", "D", or "—". criteriaLines(row) → one line per
//   profile. searchTexts(row) → the texts the search also matches (state label, problems).
// csvHeader() / csvRecord(row) → the CSV's header and one record (csv.mjs quotes and guards them).
import { tp } from '../i18n/portfolio.mjs';
import { getLanguage } from '../i18n/core.mjs';
import { verificationMessage } from '../../host/bundle/verify-messages.mjs';

export const stateLabel = (row) => tp(`state.${row.state}`);

export function replayText(row) {
  if (row.kind !== 'bundle' || !row.replay) return '';
  if (!row.replay.ran) return tp('replay.notRun');
  return tp(row.replay.identical ? 'replay.identical' : 'replay.differs');
}

export function problemTexts(row) {
  const lang = getLanguage();
  // 'replay-not-run' is what replayText already says.
  const problems = (Array.isArray(row.problems) ? row.problems : []).filter((p) => p?.code !== 'replay-not-run').map((p) => verificationMessage(p, lang));
  return row.error ? [...problems, tp(`error.${row.error.code}`, { detail: String(row.error.detail ?? '') })] : problems;
}

export function gradeText(row) {
  if (row.grade === null) return row.score === null ? tp('none') : String(row.score);
  return row.score === null ? row.grade : `${row.grade} (${row.score})`;
}

export function criteriaLines(row) {
  return row.profiles.map((p) => tp('criteria.line', p));
}

export const searchTexts = (row) => [stateLabel(row), ...problemTexts(row)];

export function csvHeader() {
  return ['name', 'site', 'grade', 'score', 'criteria', 'high', 'state', 'replay', 'captureTime', 'fingerprint', 'organization', 'problems']
    .map((k) => tp(`col.${k}`));
}

export function csvRecord(row) {
  return [
    row.name, row.site, row.grade ?? '', row.score, criteriaLines(row).join('; '), row.high, stateLabel(row), replayText(row),
    row.captureTime ?? '', row.fingerprint ?? '', row.organization ?? '', problemTexts(row).join('; '),
  ];
}
