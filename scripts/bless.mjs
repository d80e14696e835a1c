#!/usr/bin/env node
// `npm run bless`: rewrites the rule fixture goldens (test/fixtures/rules/**/<code>.expected and
// <code>.fixed) from the current rules. TESTNAME=<code> limits it to one rule.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The fixture runner is TypeScript: run again under tsx's loader, as the test suites do.
if (!process.env.RFL_BLESS_TSX) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, RFL_BLESS_TSX: '1' },
  });
  process.exit(r.status ?? 2);
}

const { fixtureCases, runFixture } = await import('../test/core/safety/ruleFixtures.ts');
const filter = process.env.TESTNAME || undefined;
const cases = fixtureCases(filter);
if (cases.length === 0) {
  console.error(`bless: no rule fixtures${filter ? ` for ${filter}` : ''}`);
  process.exit(2);
}
for (const c of cases) {
  const result = await runFixture(c);
  const base = path.join(c.dir, c.code);
  writeFileSync(`${base}.expected`, result.expected);
  if (result.fixed !== undefined) writeFileSync(`${base}.fixed`, result.fixed);
  else if (existsSync(`${base}.fixed`)) rmSync(`${base}.fixed`);
  console.log(`blessed ${c.name} (${result.lines.length} finding${result.lines.length === 1 ? '' : 's'})`);
}
