import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  crateForFile,
  findRustProject,
  loadRustProject,
  normalizeCfgEntry,
  parseRustProject,
} from '../../../src/core/kernel/rustProject';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures');
const OLD = path.join(FIXTURES, 'kernel-tree', 'linux');
const MODULE = path.join(FIXTURES, 'kernel-tree', 'module');

describe('kernel/rustProject', () => {
  it('normalises cfg entries to name or key="value"', () => {
    assert.equal(normalizeCfgEntry('CONFIG_X'), 'CONFIG_X');
    assert.equal(normalizeCfgEntry('feature = "std"'), 'feature="std"');
    assert.equal(normalizeCfgEntry('CONFIG_LOG_BUF_SHIFT=17'), 'CONFIG_LOG_BUF_SHIFT="17"');
  });

  it('reads the fixture tree: relative root modules resolved against the file', () => {
    const project = loadRustProject(path.join(OLD, 'rust-project.json'));
    assert.ok(project);
    assert.deepEqual(project.problems, []);
    assert.deepEqual(
      project.crates.map((c) => [c.name, c.rootModule, [...c.cfg]]),
      [
        ['kernel', path.join(OLD, 'rust', 'kernel', 'lib.rs'), ['CONFIG_RUST', 'CONFIG_64BIT', 'CONFIG_LOG_BUF_SHIFT="17"']],
        ['rust_demo', path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'), ['CONFIG_RUST', 'CONFIG_RUST_DEMO', 'CONFIG_RUST_DEMO_EXTRA']],
      ],
    );
  });

  it('maps a file to its crate: exact root module, else the longest containing folder', () => {
    const project = loadRustProject(path.join(OLD, 'rust-project.json'))!;
    assert.equal(crateForFile(project, path.join(OLD, 'rust', 'kernel', 'prelude.rs'))?.name, 'kernel');
    assert.equal(crateForFile(project, path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'))?.name, 'rust_demo');
    assert.equal(crateForFile(project, path.join(OLD, 'samples', 'rust', 'rust_minimal.rs')), undefined);
    const nested = parseRustProject(
      JSON.stringify({
        crates: [
          { display_name: 'outer', root_module: 'a/lib.rs', cfg: [] },
          { display_name: 'inner', root_module: 'a/b/lib.rs', cfg: ['X'] },
          { display_name: 'extra', root_module: 'c/lib.rs', source: { include_dirs: ['a/b/c'] } },
        ],
      }),
      '/p/rust-project.json',
    );
    assert.equal(crateForFile(nested, '/p/a/b/mod.rs')?.name, 'inner');
    assert.equal(crateForFile(nested, '/p/a/other.rs')?.name, 'outer');
    assert.equal(crateForFile(nested, '/p/a/b/c/deep.rs')?.name, 'extra');
  });

  it('finds the nearest rust-project.json, falling back to the tree for a module without one', () => {
    assert.equal(findRustProject(path.join(OLD, 'drivers', 'misc', 'rust_demo.rs'), OLD), path.join(OLD, 'rust-project.json'));
    assert.equal(findRustProject(path.join(MODULE, 'rust_oot.rs'), OLD), path.join(MODULE, 'rust-project.json'));
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-rp-'));
    try {
      assert.equal(findRustProject(path.join(dir, 'm.rs'), OLD), path.join(OLD, 'rust-project.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports malformed files and entries instead of throwing', () => {
    assert.match(parseRustProject('{', '/x/rust-project.json').problems[0]!, /^\/x\/rust-project\.json: not valid JSON/);
    assert.deepEqual(parseRustProject('{"crates": 3}', '/x/r.json').problems, ['/x/r.json: expected an object with a "crates" array']);
    const p = parseRustProject('{"crates": [{"cfg": []}, {"root_module": "l.rs", "cfg": ["A", 1]}]}', '/x/r.json');
    assert.deepEqual(p.problems, ['/x/r.json: crates[0] has no "root_module" string', '/x/r.json: crates[1].cfg holds a non-string 1']);
    assert.deepEqual([...p.crates[0]!.cfg], ['A']);
  });

  it('re-reads a file whose modification time changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rfl-rp-'));
    const file = path.join(dir, 'rust-project.json');
    try {
      writeFileSync(file, '{"crates": [{"root_module": "a.rs", "cfg": ["A"]}]}');
      utimesSync(file, 1000, 1000);
      assert.deepEqual([...loadRustProject(file)!.crates[0]!.cfg], ['A']);
      writeFileSync(file, '{"crates": [{"root_module": "a.rs", "cfg": ["B"]}]}');
      utimesSync(file, 2000, 2000);
      assert.deepEqual([...loadRustProject(file)!.crates[0]!.cfg], ['B']);
      rmSync(file);
      assert.equal(loadRustProject(file), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
