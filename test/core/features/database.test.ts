import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, loadDatabase, parseDatabase } from '../../../src/core/features/database';

const GOOD = `[meta]
rustc = "1.95.0"
rustc_version_line = "rustc 1.95.0 (59807616e 2026-04-14)"
schema = 1

[features.asm_goto]
kind = "lang"
status = "stable"
since = "1.87.0"

[features.allocator_api]
kind = "lib"
status = "unstable"
tracking_issue = 32838
description = "Custom allocators."
unstable_book = "https://doc.rust-lang.org/nightly/unstable-book/library-features/allocator-api.html"

[features.allocator_api.kernel]
note = "Used by rust/."
links = ["https://github.com/Rust-for-Linux/linux/issues/2"]

[features.box_syntax]
kind = "lang"
status = "removed"
since = "1.70.0"
reason = "replaced with \`#[rustc_box]\`"

[features.future_thing]
kind = "lib"
status = "stable"
since = "CURRENT_RUSTC_VERSION"
`;

describe('features/database', () => {
  describe('parseDatabase', () => {
    it('reads records with derived links and kernel notes', () => {
      const { db, problems } = parseDatabase(GOOD, 'features.toml');
      assert.deepEqual(problems, []);
      assert.ok(db);
      assert.deepEqual(db.meta, { rustc: '1.95.0', rustcVersionLine: 'rustc 1.95.0 (59807616e 2026-04-14)', schema: 1 });
      assert.deepEqual(db.names(), ['allocator_api', 'asm_goto', 'box_syntax', 'future_thing']);
      assert.deepEqual(db.get('allocator_api'), {
        name: 'allocator_api',
        kind: 'lib',
        status: 'unstable',
        trackingIssue: 32838,
        description: 'Custom allocators.',
        links: {
          trackingIssue: 'https://github.com/rust-lang/rust/issues/32838',
          unstableBook: 'https://doc.rust-lang.org/nightly/unstable-book/library-features/allocator-api.html',
        },
        kernel: { note: 'Used by rust/.', links: ['https://github.com/Rust-for-Linux/linux/issues/2'] },
      });
      assert.deepEqual(db.get('asm_goto')?.links, { release: 'https://github.com/rust-lang/rust/releases/tag/1.87.0' });
      assert.equal(db.get('box_syntax')?.reason, 'replaced with `#[rustc_box]`');
    });

    it('names file, line and key of a mistyped value', () => {
      const text = GOOD.replace('status = "unstable"', 'status = "stabel"');
      const { db, problems } = parseDatabase(text, 'features.toml');
      assert.equal(db, undefined);
      assert.deepEqual(problems, ['features.toml:13: features.allocator_api.status: expected one of unstable, incomplete, internal, stable, removed, got "stabel"']);
    });

    it('reports every problem at once, each with its line', () => {
      const text = GOOD.replace('kind = "lang"\nstatus = "stable"\nsince = "1.87.0"', 'kind = "language"\nstatus = "stable"\nstaus = 1')
        .replace('tracking_issue = 32838', 'tracking_issue = "32838"')
        .replace('schema = 1', 'schema = 2');
      const { problems } = parseDatabase(text, 'db.toml');
      assert.deepEqual(problems, [
        'db.toml:4: meta.schema: expected 1, got 2',
        'db.toml:9: features.asm_goto.staus: unknown key (expected one of kind, status, since, tracking_issue, reason, description, unstable_book, kernel)',
        'db.toml:7: features.asm_goto.kind: expected one of lang, lib, got "language"',
        'db.toml:6: features.asm_goto.since: missing',
        'db.toml:14: features.allocator_api.tracking_issue: expected a positive integer, got "32838"',
      ]);
    });

    it('checks kernel notes and nested tables', () => {
      const text = GOOD.replace('note = "Used by rust/."', 'note = "Used by rust/."\nallowed = "yes"\ndropped_in = "six"');
      const { problems } = parseDatabase(text, 'features.toml');
      assert.deepEqual(problems, [
        'features.toml:20: features.allocator_api.kernel.allowed: expected true or false, got "yes"',
        'features.toml:21: features.allocator_api.kernel.dropped_in: expected a kernel version like 6.11, got "six"',
      ]);
    });

    it('gives the TOML syntax error line', () => {
      const { db, problems } = parseDatabase('[meta]\nrustc = "1.95.0"\nschema = \n', 'broken.toml');
      assert.equal(db, undefined);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /^broken\.toml:3: not valid TOML: /);
    });

    it('requires [meta] and [features]', () => {
      assert.deepEqual(parseDatabase('[features]\n', 'x.toml').problems, ['x.toml:1: meta: missing']);
      assert.deepEqual(parseDatabase('[meta]\nrustc = "1.95.0"\nschema = 1\n', 'x.toml').problems, ['x.toml:1: features: missing']);
      assert.deepEqual(parseDatabase('[meta]\nrustc = "1.95"\nschema = 1\n[features]\n', 'x.toml').problems, ['x.toml:2: meta.rustc: expected a version like 1.95.0, got "1.95"']);
    });
  });

  describe('resolve', () => {
    const db = parseDatabase(GOOD, 'features.toml').db!;

    it('judges stabilisation at the toolchain, keeping since', () => {
      const at85 = db.resolve('asm_goto', '1.85.0');
      assert.equal(at85.status, 'unstable');
      assert.equal(at85.toolchain, '1.85.0');
      assert.equal(at85.record?.since, '1.87.0');
      assert.equal(db.resolve('asm_goto', '1.87').status, 'stable');
      assert.equal(db.resolve('asm_goto').status, 'stable');
      assert.equal(db.resolve('asm_goto').toolchain, '1.95.0');
    });

    it('gives a removed gate its earlier status before the removal', () => {
      assert.equal(db.resolve('box_syntax', '1.69.0').status, 'unstable');
      assert.equal(db.resolve('box_syntax', '1.70.0').status, 'removed');
    });

    it('reads CURRENT_RUSTC_VERSION as the database toolchain', () => {
      assert.equal(db.resolve('future_thing', '1.94.0').status, 'unstable');
      assert.equal(db.resolve('future_thing', '1.95.0').status, 'stable');
    });

    it('answers unknown for names it does not have', () => {
      assert.deepEqual(db.resolve('no_such_gate', '1.85.0'), { name: 'no_such_gate', status: 'unknown', toolchain: '1.85.0' });
    });

    it('createDatabase builds the same queries from records', () => {
      const small = createDatabase({ rustc: '1.90.0', schema: 1 }, [{ name: 'x', kind: 'lib', status: 'stable', since: '1.91.0', links: {} }], 'test');
      assert.equal(small.resolve('x').status, 'unstable');
      assert.equal(small.source, 'test');
    });
  });

  describe('loadDatabase', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'rfl-db-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('loads the bundled database by default', () => {
      const { db, problems, usedFallback } = loadDatabase();
      assert.deepEqual(problems, []);
      assert.equal(usedFallback, false);
      assert.equal(db.source, 'bundled');
      assert.equal(db.meta.rustc, '1.95.0');
      assert.ok(db.names().length > 1500, `only ${db.names().length} features`);
      assert.equal(db.resolve('asm_goto', '1.85.0').status, 'unstable');
      assert.equal(db.get('asm_goto')?.kernel?.allowed, true);
    });

    it('loads a good file as itself', () => {
      const file = path.join(dir, 'good.toml');
      writeFileSync(file, GOOD);
      const { db, problems, usedFallback } = loadDatabase(file);
      assert.deepEqual(problems, []);
      assert.equal(usedFallback, false);
      assert.equal(db.source, file);
      assert.equal(db.names().length, 4);
    });

    it('falls back to the bundled database for a missing file', () => {
      const file = path.join(dir, 'missing.toml');
      const { db, problems, usedFallback } = loadDatabase(file);
      assert.equal(usedFallback, true);
      assert.equal(db.source, 'bundled');
      assert.deepEqual(problems, [`${file}: cannot read the feature database (ENOENT)`, `using the bundled feature database instead of ${file}`]);
    });

    it('falls back for a file that is not TOML or is mistyped, without throwing', () => {
      const notToml = path.join(dir, 'bad.toml');
      writeFileSync(notToml, '\u0000\u0001 not toml [[[');
      const a = loadDatabase(notToml);
      assert.equal(a.usedFallback, true);
      assert.match(a.problems[0]!, /bad\.toml:1: not valid TOML/);
      const typed = path.join(dir, 'typed.toml');
      writeFileSync(typed, GOOD.replace('kind = "lib"', 'kind = 3'));
      const b = loadDatabase(typed);
      assert.equal(b.db.source, 'bundled');
      assert.equal(b.problems[0], `${typed}:12: features.allocator_api.kind: expected one of lang, lib, got 3`);
      const folder = loadDatabase(dir);
      assert.equal(folder.usedFallback, true);
      assert.equal(folder.problems[0], `${dir}: cannot read the feature database (EISDIR)`);
    });
  });
});
