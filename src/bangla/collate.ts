// Alphabetical order of Bengali names: ICU's Bengali collation (অ আ … ক খ …), which also puts
// a nukta letter typed as one code point (য়) and as base + nukta (য + ়) in the same place.
const BENGALI = new Intl.Collator('bn');

/** Compares two strings in Bengali alphabetical order (for `Array.prototype.sort`). */
export function compareBengali(a: string, b: string): number {
  return BENGALI.compare(a, b);
}
