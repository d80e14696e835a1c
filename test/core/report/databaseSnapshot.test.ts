import assert from 'node:assert/strict';
import { loadDatabase } from '../../../src/core/features/database';
import { restoreDatabase, snapshotDatabase } from '../../../src/core/report/databaseSnapshot';

describe('report/databaseSnapshot', () => {
  const db = loadDatabase().db;

  it('survives a structured clone (the trip to a worker) with the same meta, source and records', () => {
    const copy = restoreDatabase(structuredClone(snapshotDatabase(db)));
    assert.deepEqual(copy.meta, db.meta);
    assert.equal(copy.source, 'bundled');
    assert.deepEqual(copy.names(), db.names());
    for (const name of db.names()) assert.deepEqual(copy.get(name), db.get(name));
  });

  it('resolves gates exactly as the original, at the database toolchain and an older one', () => {
    const copy = restoreDatabase(structuredClone(snapshotDatabase(db)));
    for (const name of ['let_chains', 'arbitrary_self_types', 'asm_goto', 'no_such_feature_here']) {
      assert.deepEqual(copy.resolve(name), db.resolve(name));
      assert.deepEqual(copy.resolve(name, '1.78.0'), db.resolve(name, '1.78.0'));
    }
    assert.equal(copy.resolve('let_chains', '1.78.0').status, 'unstable');
    assert.equal(copy.resolve('let_chains').status, 'stable');
  });
});
