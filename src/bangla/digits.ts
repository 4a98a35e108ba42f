// Bengali digits (U+09E6–U+09EF) and reader-facing number formatting.

const BENGALI_ZERO = 0x09e6;

/** Replaces ASCII digits 0-9 with Bengali digits ০-৯, keeping every other character. */
export function toBengaliDigits(value: string | number): string {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(BENGALI_ZERO + d.charCodeAt(0) - 0x30));
}

/** Replaces Bengali digits ০-৯ with ASCII digits 0-9, keeping every other character. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u09E6-\u09EF]/g, (d) => String(d.charCodeAt(0) - BENGALI_ZERO));
}

/** Formats a number with lakh/crore grouping and Bengali digits: 12345678 → ১,২৩,৪৫,৬৭৮. */
export function formatNumberBn(n: number): string {
  if (!Number.isFinite(n)) return toBengaliDigits(String(n));
  const [integer = '0', fraction] = plainDecimal(Math.abs(n)).split('.');
  const sign = n < 0 ? '-' : '';
  const grouped = groupIndian(integer);
  return toBengaliDigits(fraction === undefined ? sign + grouped : `${sign}${grouped}.${fraction}`);
}

// String(1e21) and String(1e-7) use exponent notation, which cannot be grouped;
// en-US without grouping spells every digit out instead.
function plainDecimal(abs: number): string {
  return abs.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

// Indian grouping: the last three digits, then groups of two (১২,৩৪,৫৬,৭৮৯).
function groupIndian(integer: string): string {
  if (integer.length <= 3) return integer;
  const head = integer.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${integer.slice(-3)}`;
}
