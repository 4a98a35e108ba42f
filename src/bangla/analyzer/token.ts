/** One word of a text: its search key and where it stands in the ORIGINAL text (UTF-16 offsets). */
export interface Token {
  /** The word normalised by normalizeForSearch (not stemmed). */
  token: string;
  /** Offset of the first code unit in the original text. */
  start: number;
  /** Offset just past the last code unit in the original text. */
  end: number;
}
