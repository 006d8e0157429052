// The report search's folding (web/app/report/search-fold.mjs): case and Vietnamese diacritics are
// ignored on both sides, đ/Đ read as d; the Vietnamese texts are the app's own report strings
// (web/app/i18n/report.mjs) and the criteria titles of the rules, so the search is tried on what
// the report really shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldForSearch } from '../../web/app/report/search-fold.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const found = (query, text) => foldForSearch(query).split(/\s+/).filter(Boolean).every((w) => foldForSearch(text).includes(w));

test('"mat khau" finds "mật khẩu", "DANG NHAP" finds "Đăng nhập"', () => {
  assert.ok(found('mat khau', 'Trường mật khẩu gửi qua http://'));
  assert.ok(found('DANG NHAP', 'Biểu mẫu Đăng nhập'));
  assert.ok(found('đăng nhập', 'DANG NHAP'));
  assert.ok(found('Mật Khẩu', 'mat khau'));
  assert.equal(foldForSearch('Đăng nhập'), 'dang nhap');
  assert.equal(foldForSearch('Ứng dụng Kiểm tra ĐỘ AN TOÀN'), 'ung dung kiem tra do an toan');
  assert.ok(!found('mat khau', 'một khâu'), 'folding drops marks, not letters');
});

test('every letter with a Vietnamese diacritic folds to its base letter', () => {
  const groups = {
    a: 'àáạảãâầấậẩẫăằắặẳẵ', e: 'èéẹẻẽêềếệểễ', i: 'ìíịỉĩ', o: 'òóọỏõôồốộổỗơờớợởỡ', u: 'ùúụủũưừứựửữ', y: 'ỳýỵỷỹ', d: 'đ',
  };
  for (const [base, letters] of Object.entries(groups)) {
    for (const ch of letters + letters.toUpperCase()) assert.equal(foldForSearch(ch), base, ch);
    // Precomposed (NFC) and decomposed (NFD) input fold alike.
    for (const ch of letters) assert.equal(foldForSearch(ch.normalize('NFD')), base, `${ch} NFD`);
  }
});

test('the report strings fold to plain ASCII letters and keep their words', () => {
  const src = fs.readFileSync(path.join(root, 'web/app/i18n/report.mjs'), 'utf8');
  const vietnamese = [...src.matchAll(/'([^'\n]*[À-ỹ][^'\n]*)'/g)].map((m) => m[1]);
  assert.ok(vietnamese.length > 50, `${vietnamese.length} Vietnamese strings`);
  for (const text of vietnamese) {
    const folded = foldForSearch(text);
    assert.doesNotMatch(folded, /[À-ỹ\u0300-\u036f]/, text);
    assert.equal(folded.split(/\s+/).length, text.split(/\s+/).length, text);
    assert.ok(found(folded.toUpperCase(), text), text);
  }
});

test('any value: non-strings and hostile characters neither throw nor vanish', () => {
  assert.equal(foldForSearch(null), '');
  assert.equal(foldForSearch(undefined), '');
  assert.equal(foldForSearch(42), '42');
  assert.equal(foldForSearch('a\u0000b\u202ec'), 'a\u0000b\u202ec');
  assert.equal(foldForSearch('ＡＢＣ'), 'ａｂｃ');
});
