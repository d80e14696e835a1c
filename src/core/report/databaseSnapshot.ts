/**
 * The feature database as plain data, so the report's worker threads receive the database the
 * main thread already parsed instead of each parsing the TOML file again (the largest part of a
 * worker's start-up after the parser wasm).
 */
import { createDatabase } from '../features/database';
import type { DatabaseMeta, FeatureDatabase, FeatureRecord } from '../features/types';

export interface DatabaseSnapshot {
  readonly meta: DatabaseMeta;
  readonly source: string;
  readonly records: readonly FeatureRecord[];
}

export function snapshotDatabase(db: FeatureDatabase): DatabaseSnapshot {
  return { meta: db.meta, source: db.source, records: db.names().map((n) => db.get(n)!) };
}

export function restoreDatabase(snapshot: DatabaseSnapshot): FeatureDatabase {
  return createDatabase(snapshot.meta, snapshot.records, snapshot.source);
}
