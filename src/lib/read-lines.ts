import { createReadStream } from 'node:fs';

/** The longest line readLines hands over, in bytes (the longest article the exchange format accepts fits in well under half). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** A line longer than the reader's limit, in place of its text: it was counted, never held in memory. */
export class OverlongLine {
  constructor(
    /** The line's length in bytes, its line end not counted. */
    readonly bytes: number,
    readonly limit: number,
  ) {}

  get message(): string {
    return `the line is ${megabytes(this.bytes)} long; a line may hold at most ${megabytes(this.limit)} (one article per line)`;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The lines of a UTF-8 file, streamed (CRLF or LF). Built on the stream's own async iterator,
 * which pauses the file while the consumer works: readline's iterator could end early when the
 * consumer awaited database writes between lines under load. A line of more than `maxLineBytes`
 * comes out as an OverlongLine and its bytes are skipped as they arrive, so a file of one
 * gigabyte-long line costs no more memory than a short one.
 */
export async function* readLines(path: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<string | OverlongLine> {
  // Lines are cut on the byte 0x0A, which never occurs inside a UTF-8 sequence, and decoded whole.
  let pieces: Buffer[] = [];
  let length = 0; // bytes of the current line so far
  let overlong = false;
  const finish = (): string | OverlongLine => {
    const line = overlong ? new OverlongLine(length, maxLineBytes) : decodeLine(Buffer.concat(pieces, length));
    pieces = [];
    length = 0;
    overlong = false;
    return line;
  };
  const take = (bytes: Buffer) => {
    length += bytes.length;
    if (overlong) return;
    if (length > maxLineBytes) {
      overlong = true;
      pieces = [];
    } else if (bytes.length > 0) pieces.push(bytes);
  };
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    let from = 0;
    for (let at = buffer.indexOf(NEWLINE); at >= 0; at = buffer.indexOf(NEWLINE, from)) {
      take(buffer.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    take(buffer.subarray(from));
  }
  if (length > 0) yield finish();
}

function decodeLine(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}
