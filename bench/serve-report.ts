// The serving benchmark's report: the machine, the command, the corpus, one Markdown table, and
// (with --write-doc) the same block written into docs/benchmarks.md between marker lines.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import type { Rss } from './serve-processes.ts';

export interface Row {
  scenario: string;
  rps?: number;
  p50Ms?: number;
  p99Ms?: number;
  ceilingRps?: number;
  /** Median of the rounds' Prokash ÷ ceiling. */
  ratio?: number;
  rss?: Rss;
  failures: string[];
  /** Per-round figures and remarks, printed under the table. */
  notes: string[];
}

export interface ReportInput {
  command: string;
  corpus: string;
  date: Date;
  dialect: 'sqlite' | 'postgres';
  pgVersion?: string;
  tool: string;
  prokash: string;
  rows: Row[];
  rssStartEnd: string[];
  /** Warnings, errors and stray output of the servers. */
  serverLog: string[];
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const rssText = (r: Rss | undefined) => (!r ? '—' : r.processes > 1 ? `${fmt(r.sumMb)} (Σ of ${r.processes}, max ${fmt(r.maxMb)})` : fmt(r.maxMb));

export function machine(dialect: string, pgVersion?: string): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  const sqlite = new SQLite(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  const parts = [
    `nproc ${cpus().length}`,
    model,
    `${(memKb / 1024 / 1024).toFixed(1)} GiB RAM`,
    `Node ${process.version}`,
    `SQLite ${sqliteVersion} (better-sqlite3)`,
  ];
  if (dialect === 'postgres' && pgVersion) parts.push(pgVersion.split(' on ')[0]!);
  parts.push(
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return parts.join(', ');
}

export function renderReport(input: ReportInput, machineLine: string): string {
  const lines = [
    `Run ${input.date.toISOString().replace(/\.\d+Z$/, 'Z')}: \`${input.command}\``,
    '',
    `- Machine: ${machineLine}; load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `- Corpus: ${input.corpus}`,
    `- Prokash: ${input.prokash}; load: ${input.tool}`,
    `- RSS (MB) at start and end: ${input.rssStartEnd.join('; ')}`,
    '',
    '| scenario | Prokash req/s | p50 ms | p99 ms | ceiling req/s | ratio | RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of input.rows) {
    const failed = r.failures.length ? ' **FAILED**' : '';
    const ratio = r.ratio !== undefined ? fmt(r.ratio, 2) : '—';
    lines.push(`| ${r.scenario}${failed} | ${fmt(r.rps)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.ceilingRps)} | ${ratio} | ${rssText(r.rss)} |`);
  }
  lines.push(
    '',
    'Medians of the rounds; ratio = the median of each round\'s Prokash req/s ÷ ceiling req/s (a bare node:http server sending the same bytes, measured back to back in the same round, in alternating order). "—": no ceiling for many URLs or cold pages.',
  );
  const notes = input.rows.flatMap((r) => [...r.failures.map((f) => `- ${r.scenario}: FAILED: ${f}`), ...r.notes.map((n) => `- ${r.scenario}: ${n}`)]);
  if (notes.length) lines.push('', ...notes);
  if (input.serverLog.length) lines.push('', 'Server log (warnings, errors, stray output):', ...input.serverLog.map((l) => `- ${l}`));
  return lines.join('\n');
}

const START = '<!-- bench:serve:start -->';
const END = '<!-- bench:serve:end -->';
const HEADING = '## Serving (`npm run bench`)';

/** Puts `block` between the markers of docs/benchmarks.md, adding heading and markers at the top when absent. */
export function writeDoc(block: string, file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url))): string {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  let next: string;
  if (start >= 0 && end > start) next = `${text.slice(0, start + START.length)}\n${block}\n${text.slice(end)}`;
  else {
    const section = `${HEADING}\n\n${START}\n${block}\n${END}\n\n`;
    // Under the page's title when it has one, else at the very top.
    const title = /^# .*\n+/.exec(text);
    next = title ? `${title[0]}${section}${text.slice(title[0].length)}` : `${section}${text}`;
  }
  writeFileSync(file, next);
  return file;
}
