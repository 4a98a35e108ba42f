// Runs every *.test.ts and *.test.tsx under src/ and test/ with Node's test runner (TypeScript through tsx).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...collect('src', []), ...collect('test', [])].sort();
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
// The newsroom app's tests compile as the app does (its tsconfig: Preact's JSX); the rest with the root one.
const CLIENT = join('src', 'newsroom', 'client');
// Tests that time the browser (the page budget's LCP on an emulated phone with its CPU slowed 4×)
// run last and alone: beside another test file the two cores are shared, and what they would
// measure is the neighbour, not the page.
const ALONE = [join('test', 'browser', 'page-budget.test.ts')];
const alone = files.filter((f) => ALONE.includes(f));
const rest = files.filter((f) => !ALONE.includes(f));
const groups = [
  { files: rest.filter((f) => !f.startsWith(CLIENT)), tsconfig: undefined, concurrency: 2 },
  { files: rest.filter((f) => f.startsWith(CLIENT)), tsconfig: join(CLIENT, 'tsconfig.json'), concurrency: 2 },
  { files: alone, tsconfig: undefined, concurrency: 1 },
];
let status = 0;
for (const group of groups) {
  if (!group.files.length) continue;
  const env = { ...process.env, TZ: process.env.TZ ?? 'America/New_York' };
  if (group.tsconfig) env.TSX_TSCONFIG_PATH = group.tsconfig;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${group.concurrency}`, ...group.files], {
    stdio: 'inherit',
    env,
  });
  status ||= result.status ?? 1;
}
process.exit(status);
