/**
 * A ContextResolver that uses a database it is given instead of loading one: a report worker's
 * copy of the database the main thread parsed, so every thread judges gates by the same data.
 */
import { ContextResolver, type ContextResolverOptions } from '../context';
import type { FeatureDatabase } from '../features/types';

export class ResolverWithDatabase extends ContextResolver {
  constructor(
    options: ContextResolverOptions,
    private readonly database: FeatureDatabase,
  ) {
    super(options);
  }

  override get db(): FeatureDatabase {
    return this.database;
  }
}
