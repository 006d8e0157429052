// The form the report search compares: foldForSearch(text) → the text lower-cased, with its
// diacritics removed (Unicode NFD, then every combining mark dropped) and đ/Đ read as d, so
// "mat khau" finds "mật khẩu" and "DANG NHAP" finds "Đăng nhập". Applied to the query and to the
// searched text alike. Pure; any value is read as a string (null and undefined as "").
const COMBINING_MARKS = /\p{M}+/gu;

export function foldForSearch(text) {
  return String(text ?? '').normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
