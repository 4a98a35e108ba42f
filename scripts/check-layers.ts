// The layer check: every import in src/ points down the house, or sideways where the house allows,
// and no files import each other in a circle. Run by `npm run lint` and by test/layers.test.ts.
//
//   npm run check:layers          prints each upward import and each cycle; exits 1 if any
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The floors, from the ground up. A room may import its own floor's rooms only where `sideways` says so. */
export const FLOORS: readonly (readonly string[])[] = [
  ['bangla', 'lib', 'config'],
  ['db'],
  ['content'],
  ['search', 'cache', 'feeds', 'engage'],
  ['site', 'newsroom', 'api', 'webhooks'],
  ['subscribers.ts', 'runtime.ts', 'app.ts', 'demo', 'cli'],
];

/** Imports between rooms of one floor that are allowed, as "from → to". Everything else sideways is refused. */
export const SIDEWAYS: readonly string[] = [
  'feeds → cache', // feeds are cached pages
  'webhooks → api', // a webhook carries the article as the content API shows it
  'newsroom → webhooks', // admins manage webhooks through the admin API and app
  'app.ts → subscribers.ts',
  'cli → app.ts',
  'cli → runtime.ts',
  'cli → demo',
];

export interface LayerProblem {
  kind: 'upward' | 'sideways' | 'cycle' | 'long';
  text: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A file's room: its top-level folder under src/, or the file itself for src/app.ts and its like. */
export function roomOf(file: string): string {
  return relative(join(ROOT, 'src'), file).split(/[\\/]/)[0]!;
}

function floorOf(room: string): number {
  const floor = FLOORS.findIndex((rooms) => rooms.includes(room));
  if (floor < 0) throw new Error(`src/${room} is on no floor: add it to FLOORS in scripts/check-layers.ts`);
  return floor;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// `import … from './x.ts'`, `export … from './x.ts'`, `import './x.ts'` and `import('./x.ts')`, at the
// start of a line or after a closing brace of a multi-line import list.
const IMPORT = /^(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(?\s*['"](\.[^'"]+)['"]/gm;

/** The files of src/ each file imports (relative imports only; packages are outside the house). */
export function importGraph(srcDir = join(ROOT, 'src')): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => match[1] ?? match[2]!)
      .map((name) => resolve(dirname(file), name))
      .filter((target) => /\.tsx?$/.test(target));
    graph.set(file, targets);
  }
  return graph;
}

export function layerProblems(graph = importGraph()): LayerProblem[] {
  const problems: LayerProblem[] = [];
  const allowed = new Set(SIDEWAYS);
  for (const pair of SIDEWAYS) {
    const [from, to] = pair.split(' → ');
    if (allowed.has(`${to} → ${from}`)) problems.push({ kind: 'sideways', text: `${pair}: siblings may import each other one way only` });
    if (floorOf(from!) !== floorOf(to!)) problems.push({ kind: 'sideways', text: `${pair}: not on one floor` });
  }
  const used = new Set<string>();
  for (const [file, targets] of graph) {
    const from = roomOf(file);
    for (const target of targets) {
      const to = roomOf(target);
      if (from === to) continue;
      const [a, b] = [floorOf(from), floorOf(to)];
      const where = `${relative(ROOT, file)} imports ${relative(ROOT, target)}`;
      if (b > a) problems.push({ kind: 'upward', text: `${where}: ${from} (floor ${a}) may not import ${to} (floor ${b})` });
      else if (a === b && !allowed.has(`${from} → ${to}`)) problems.push({ kind: 'sideways', text: `${where}: ${from} → ${to} is not in SIDEWAYS` });
      else if (a === b) used.add(`${from} → ${to}`);
    }
  }
  if (graph.size > 50) {
    for (const pair of SIDEWAYS)
      if (!used.has(pair)) problems.push({ kind: 'sideways', text: `${pair}: allowed in SIDEWAYS but no import uses it; remove it` });
  }
  for (const cycle of cycles(graph)) problems.push({ kind: 'cycle', text: cycle.map((f) => relative(ROOT, f)).join(' → ') });
  return problems;
}

/** The longest a function that registers routes may be: longer, and it should declare them instead. */
export const REGISTRATION_MAX_LINES = 40;

/** Functions named register… longer than REGISTRATION_MAX_LINES, as "file:line name (N lines)". */
export function longRegistrations(files: readonly string[] = [...importGraph().keys()]): LayerProblem[] {
  const problems: LayerProblem[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, start) => {
      const name = /^(?:export )?(?:async )?function (register\w*)/.exec(line)?.[1];
      if (!name) return;
      let depth = 0;
      for (let end = start; end < lines.length; end++) {
        for (const ch of lines[end]!) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        if (depth === 0 && lines[end]!.includes('}')) {
          const length = end - start + 1;
          if (length > REGISTRATION_MAX_LINES) problems.push({ kind: 'long', text: `${relative(ROOT, file)}:${start + 1} ${name} (${length} lines)` });
          return;
        }
      }
    });
  }
  return problems;
}

/** Strongly connected components of more than one file (Tarjan), each as a list of its files. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = [...layerProblems(), ...longRegistrations()];
  for (const problem of problems) console.log(`${problem.kind}: ${problem.text}`);
  console.log(problems.length ? `${problems.length} layer problem(s)` : 'layers: every import points down; no cycles; no registration function over 40 lines');
  process.exit(problems.length ? 1 : 0);
}
