import { bijoyToUnicode } from '../bangla/bijoy/bijoy-to-unicode.ts';
import { decodeWindows1252 } from '../bangla/bijoy/windows-1252.ts';

async function readAll(input: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}

// Bijoy files are usually saved as Windows-1252, pasted text as UTF-8. A Windows-1252 file with
// any of † ‡ š … is invalid UTF-8, so failing strict UTF-8 is how we tell them apart.
function decodeInput(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    output.write(Buffer.from(text, 'utf8'), (error) => (error ? reject(error) : resolve()));
  });
}

/** `prokash bijoy`: converts Bijoy text on stdin (UTF-8 or Windows-1252 bytes) to Unicode Bengali on stdout, line for line. */
export async function runBijoy(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const text = decodeInput(await readAll(input));
  // Conversion never touches \n or \r, so the output has the input's lines.
  await write(output, bijoyToUnicode(text));
  return 0;
}
