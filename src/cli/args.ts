/** A small argv parser: `--flag`, `--opt value`, `--opt=value`, repeated options, positionals. */
import { UsageError } from './io';

export interface OptionSpec {
  /** Takes a value. */
  readonly value?: boolean;
  /** May be given more than once (values collected in order). */
  readonly repeat?: boolean;
  readonly short?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const byShort = new Map(Object.entries(spec).flatMap(([k, s]) => (s.short ? [[s.short, k] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
    } else {
      const long = byShort.get(a.slice(1));
      if (!long) throw new UsageError(`unknown option ${a}`);
      name = long;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (!s.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    const v = inline ?? argv[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    const list = values.get(name) ?? [];
    if (list.length && !s.repeat) throw new UsageError(`--${name} given more than once`);
    list.push(v);
    values.set(name, list);
  }
  return { positionals, flags, values };
}

export function single(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.[0];
}
