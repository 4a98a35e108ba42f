import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config.ts';

test('defaults serve the demo on SQLite at localhost:3000 in Asia/Dhaka', () => {
  const config = loadConfig({ env: {} });
  assert.equal(config.port, 3000);
  assert.equal(config.host, 'localhost');
  assert.equal(config.databaseUrl, 'sqlite:./data/prokash.db');
  assert.equal(config.timeZone, 'Asia/Dhaka');
  assert.equal(config.siteUrl, 'http://localhost:3000');
  assert.equal(config.demo, true);
  assert.ok(Object.isFrozen(config));
});

test('the file overrides defaults, the environment overrides the file, flags override both', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'prokash-config-'));
  const file = join(dir, 'prokash.config.json');
  await writeFile(file, JSON.stringify({ port: 4000, siteName: 'দৈনিক উদাহরণ', hijriOffset: -1 }));
  const fromFile = loadConfig({ env: {}, file });
  assert.deepEqual([fromFile.port, fromFile.siteName, fromFile.hijriOffset], [4000, 'দৈনিক উদাহরণ', -1]);
  const fromEnv = loadConfig({ env: { PORT: '5000', HOST: '0.0.0.0', PROKASH_DEMO: 'false' }, file });
  assert.deepEqual([fromEnv.port, fromEnv.host, fromEnv.demo, fromEnv.siteUrl], [5000, '0.0.0.0', false, 'http://localhost:5000']);
  const fromFlags = loadConfig({ env: { PORT: '5000' }, file, overrides: { port: 6000 } });
  assert.equal(fromFlags.port, 6000);
  const viaEnvFile = loadConfig({ env: { PROKASH_CONFIG: file } });
  assert.equal(loadConfig({ env: { PROKASH_CONFIG: file }, file: false }).port, 3000, 'file: false reads no file at all');
  assert.equal(viaEnvFile.port, 4000);
});

test('bad values stop the start with a message naming the setting', async () => {
  const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
    [{ PORT: 'eighty' }, /port/],
    [{ PORT: '70000' }, /port/],
    [{ DATABASE_URL: 'mysql://x' }, /databaseUrl: must start with sqlite: or postgres:\/\//],
    [{ TIME_ZONE: 'Asia/Dhak' }, /timeZone: must be an IANA time zone/],
    [{ HIJRI_OFFSET: '5' }, /hijriOffset/],
    [{ PROKASH_DEMO: 'maybe' }, /PROKASH_DEMO must be true or false/],
    [{ SITE_URL: 'not a url' }, /siteUrl/],
  ];
  for (const [env, pattern] of cases)
    assert.throws(
      () => loadConfig({ env }),
      (e: Error) => e instanceof ConfigError && pattern.test(e.message),
      JSON.stringify(env),
    );
  const dir = await mkdtemp(join(tmpdir(), 'prokash-config-'));
  await writeFile(join(dir, 'bad.json'), '{"port": 3000, "colour": "red"}');
  assert.throws(() => loadConfig({ env: {}, file: join(dir, 'bad.json') }), /colour|Unrecognized/);
  assert.throws(() => loadConfig({ env: {}, file: join(dir, 'missing.json') }), /not found/);
});
