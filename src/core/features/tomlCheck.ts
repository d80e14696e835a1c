/** Typed reads of parsed TOML values that record a "file:line: key: expected ..., got ..." problem on mismatch. */
import { keyLines, lineOfKey } from './tomlLines';

export type TomlTable = Record<string, unknown>;

export function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function show(v: unknown): string {
  if (isTable(v)) return 'a table';
  if (Array.isArray(v)) return 'an array';
  return JSON.stringify(v);
}

export class TomlChecker {
  readonly problems: string[] = [];
  private readonly lines: Map<string, number>;

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.lines = keyLines(text);
  }

  problem(path: readonly string[], message: string): void {
    this.problems.push(`${this.file}:${lineOfKey(this.lines, path)}: ${path.join('.')}: ${message}`);
  }

  expected(path: readonly string[], what: string, got: unknown): undefined {
    this.problem(path, `expected ${what}, got ${show(got)}`);
    return undefined;
  }

  table(parent: TomlTable, path: readonly string[]): TomlTable | undefined {
    const v = parent[path[path.length - 1]!];
    return isTable(v) ? v : this.expected(path, 'a table', v);
  }

  string(parent: TomlTable, path: readonly string[], required: boolean, pattern?: RegExp, what = 'a string'): string | undefined {
    const v = parent[path[path.length - 1]!];
    if (v === undefined) return required ? this.missing(path) : undefined;
    if (typeof v === 'string' && (!pattern || pattern.test(v))) return v;
    return this.expected(path, what, v);
  }

  oneOf<T extends string>(parent: TomlTable, path: readonly string[], options: readonly T[]): T | undefined {
    const v = parent[path[path.length - 1]!];
    if (v === undefined) return this.missing(path);
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    return this.expected(path, `one of ${options.join(', ')}`, v);
  }

  positiveInteger(parent: TomlTable, path: readonly string[], required: boolean): number | undefined {
    const v = parent[path[path.length - 1]!];
    if (v === undefined) return required ? this.missing(path) : undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    if (typeof v === 'bigint' && v > 0n && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    return this.expected(path, 'a positive integer', v);
  }

  boolean(parent: TomlTable, path: readonly string[]): boolean | undefined {
    const v = parent[path[path.length - 1]!];
    if (v === undefined || typeof v === 'boolean') return v;
    return this.expected(path, 'true or false', v);
  }

  stringArray(parent: TomlTable, path: readonly string[]): string[] | undefined {
    const v = parent[path[path.length - 1]!];
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    return this.expected(path, 'an array of strings', v);
  }

  /** Flags keys the schema does not know (a typo such as `staus` would otherwise be ignored). */
  onlyKeys(table: TomlTable, path: readonly string[], known: readonly string[]): void {
    for (const key of Object.keys(table)) if (!known.includes(key)) this.problem([...path, key], `unknown key (expected one of ${known.join(', ')})`);
  }

  private missing(path: readonly string[]): undefined {
    this.problem(path, 'missing');
    return undefined;
  }
}
