import assert from 'node:assert/strict';
import path from 'node:path';
import { createDatabase } from '../../../src/core/features/database';
import { ResolverWithDatabase } from '../../../src/core/report/resolverWithDatabase';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

describe('report/resolverWithDatabase', () => {
  const db = createDatabase({ rustc: '1.50.0', schema: 1 }, [], 'given');
  const file = path.resolve(__dirname, '..', '..', 'fixtures', 'report-tree', 'samples', 'rust', 'rust_minimal.rs');

  it('judges files with the database it was given, never loading one', () => {
    const resolver = new ResolverWithDatabase({ settings: { ...DEFAULT_SETTINGS, databasePath: '/no/such/features.toml' }, trusted: true }, db);
    assert.equal(resolver.db, db);
    assert.equal(resolver.contextFor(file).db, db);
    // A broken configured file would have been reported by a loading resolver.
    assert.deepEqual(resolver.takeProblems(), []);
  });

  it('keeps that database when its caches are dropped', () => {
    const resolver = new ResolverWithDatabase({ settings: DEFAULT_SETTINGS, trusted: true }, db);
    resolver.invalidate();
    assert.equal(resolver.db, db);
    assert.equal(resolver.contextFor().toolchain, '1.50.0');
  });
});
