#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install`); falls back to the TypeScript source through tsx
// (also when PROKASH_FROM_SOURCE is set, as the tests do, so they never run a stale build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let main;
if (existsSync(built) && !process.env.PROKASH_FROM_SOURCE) {
  ({ main } = await import(built));
} else {
  // Started with `node --import tsx` (as the tests do), TypeScript already loads; otherwise
  // register tsx here.
  const preloaded = process.execArgv.some((arg, i) => process.execArgv[i - 1] === '--import' && /(^|[/\\])tsx\b/.test(arg));
  if (!preloaded) (await import('tsx/esm/api')).register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
