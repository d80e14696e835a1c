import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { invalidate, readClippyConfig } from '../../../src/core/safety/clippyConfig';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS } from '../../../src/core/safety/types';

describe('readClippyConfig', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'rfl-clippy-conf-'));
    mkdirSync(path.join(root, 'rust', 'kernel'), { recursive: true });
    invalidate();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the nearest .clippy.toml up the tree', () => {
    writeFileSync(path.join(root, '.clippy.toml'), 'msrv = "1.78.0"\ncheck-private-items = true\n');
    const file = path.join(root, 'rust', 'kernel', 'lib.rs');
    writeFileSync(file, '');
    const c = readClippyConfig(file, {});
    assert.equal(c.file, path.join(root, '.clippy.toml'));
    assert.deepEqual(c.options, { ...CLIPPY_DEFAULT_SAFETY_OPTIONS, checkPrivateItems: true });
    assert.deepEqual(c.problems, []);
  });

  it('prefers CLIPPY_CONF_DIR and uses defaults when nothing is found', () => {
    const conf = path.join(root, 'conf');
    mkdirSync(conf);
    writeFileSync(path.join(conf, 'clippy.toml'), 'accept-comment-above-statement = false\n');
    assert.equal(readClippyConfig(root, { CLIPPY_CONF_DIR: conf }).options.acceptCommentAboveStatement, false);
    assert.deepEqual(readClippyConfig(path.join(root, 'rust'), {}), { options: CLIPPY_DEFAULT_SAFETY_OPTIONS, problems: [] });
  });

  it('reports a broken file with its line and falls back to the defaults', () => {
    const file = path.join(root, 'clippy.toml');
    writeFileSync(file, 'msrv = "1.78.0"\ncheck-private-items = = true\n');
    const c = readClippyConfig(root, {});
    assert.deepEqual(c.options, CLIPPY_DEFAULT_SAFETY_OPTIONS);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid TOML`));
  });

  it('reports a value of the wrong type with its line', () => {
    writeFileSync(path.join(root, 'clippy.toml'), '\naccept-comment-above-attributes = "yes"\n');
    const c = readClippyConfig(root, {});
    assert.equal(c.options.acceptCommentAboveAttributes, true);
    assert.deepEqual(c.problems, [`${path.join(root, 'clippy.toml')}:2: accept-comment-above-attributes: expected true or false, got "yes"; using true`]);
  });

  it('caches per directory until invalidate()', () => {
    const file = path.join(root, 'clippy.toml');
    writeFileSync(file, 'check-private-items = true\n');
    assert.equal(readClippyConfig(root, {}).options.checkPrivateItems, true);
    writeFileSync(file, 'check-private-items = false\n');
    assert.equal(readClippyConfig(root, {}).options.checkPrivateItems, true);
    invalidate();
    assert.equal(readClippyConfig(root, {}).options.checkPrivateItems, false);
  });
});
