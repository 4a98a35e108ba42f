import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

// A POSIX ustar archive, written and read here so a backup needs no new dependency and any `tar`
// can open it (`tar -tf backup.tar`). Regular files only; names up to 255 bytes (prefix + name).
const BLOCK = 512;

/** Appends files to a tar archive; `close()` writes the end marker. */
export class TarWriter {
  private readonly out: WriteStream;

  constructor(path: string) {
    this.out = createWriteStream(path, { flags: 'wx' });
  }

  /** Adds the file at `source` under `name` (forward slashes). */
  async addFile(name: string, source: string): Promise<void> {
    const info = await stat(source);
    await this.write(header(name, info.size, info.mtimeMs));
    await pipeline(createReadStream(source), this.out, { end: false });
    await this.write(Buffer.alloc(padding(info.size)));
  }

  /** Adds `data` under `name`. */
  async addBytes(name: string, data: Buffer): Promise<void> {
    await this.write(header(name, data.length, Date.now()));
    await this.write(data);
    await this.write(Buffer.alloc(padding(data.length)));
  }

  /** Adds every regular file under `dir`, as `prefix/relative/path`; returns how many. */
  async addTree(prefix: string, dir: string): Promise<number> {
    let added = 0;
    for (const path of await filesUnder(dir)) {
      await this.addFile(`${prefix}/${relative(dir, path).split(sep).join('/')}`, path);
      added++;
    }
    return added;
  }

  async close(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
    await new Promise<void>((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private write(data: Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.out.write(data, (error) => (error ? reject(error) : resolve())));
  }
}

/** One entry of an archive being read: its name and size, and a way to copy it out. */
export interface TarEntry {
  name: string;
  size: number;
  /** Copies the entry's bytes to this path (its folder is created). */
  extractTo(path: string): Promise<void>;
  read(): Promise<Buffer>;
}

/** Reads a tar archive's regular files in order; anything else, or a damaged header, is an error. */
export async function* readTar(path: string): AsyncGenerator<TarEntry> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    for (let offset = 0; offset + BLOCK <= size;) {
      const block = Buffer.alloc(BLOCK);
      await file.read(block, 0, BLOCK, offset);
      if (block.every((b) => b === 0)) return;
      const entry = parseHeader(block, offset);
      const start = offset + BLOCK;
      if (start + entry.size > size) throw new Error(`${path}: the archive ends inside "${entry.name}" (a truncated backup?)`);
      offset = start + entry.size + padding(entry.size);
      if (entry.type !== '0' && entry.type !== '\0') continue; // folders and the like
      yield {
        name: entry.name,
        size: entry.size,
        extractTo: async (to) => {
          await mkdir(dirname(to), { recursive: true });
          const out = createWriteStream(to, { flags: 'wx' });
          await pipeline(entry.size ? createReadStream(path, { start, end: start + entry.size - 1 }) : [], out);
        },
        read: async () => {
          const data = Buffer.alloc(entry.size);
          await file.read(data, 0, entry.size, start);
          return data;
        },
      };
    }
    throw new Error(`${path}: no end-of-archive marker (a truncated backup?)`);
  } finally {
    await file.close();
  }
}

/** Every regular file under `dir` (none when it does not exist), sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

function header(name: string, size: number, mtimeMs: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const bytes = Buffer.from(name, 'utf8');
  let prefix = Buffer.alloc(0);
  let base = bytes;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf('/', name.length - 1);
    prefix = Buffer.from(name.slice(0, cut), 'utf8');
    base = Buffer.from(name.slice(cut + 1), 'utf8');
    if (cut < 0 || prefix.length > 155 || base.length > 100) throw new Error(`A name too long for the archive: ${name}`);
  }
  base.copy(block, 0);
  octal(block, 100, 8, 0o644);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, size);
  octal(block, 136, 12, Math.floor(mtimeMs / 1000));
  block.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'binary');
  prefix.copy(block, 345);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function octal(block: Buffer, at: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\0`, at, 'ascii');
}

function parseHeader(block: Buffer, offset: number): { name: string; size: number; type: string } {
  const text = (from: number, length: number) =>
    block
      .subarray(from, from + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  const stored = parseInt(text(148, 8).trim(), 8);
  if (stored !== sum || !text(257, 6).startsWith('ustar')) throw new Error(`Not a backup archive (bad header at byte ${offset})`);
  const prefix = text(345, 155);
  const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
  return { name, size: parseInt(text(124, 12).trim() || '0', 8), type: String.fromCharCode(block[156]!) };
}
