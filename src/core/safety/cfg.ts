/**
 * `#[cfg(...)]` predicates. clippy only sees code whose cfg holds, so when the caller knows the
 * active cfg set (the differential tests, a kernel build's cfg) items switched off are skipped;
 * without a set every predicate counts as true and all code is checked.
 * The set holds names (`unix`) and `key="value"` pairs (`feature="std"`).
 */
import type { SyntaxNode } from '../parser';
import { outerAttributes } from './syntax';
import { parentOf } from './treeIndex';

/** Splits `a, b(c, d), e = "f,g"` at top-level commas. */
export function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      cur += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

export function cfgHolds(predicate: string, cfg: ReadonlySet<string> | undefined): boolean {
  if (!cfg) return true;
  const p = predicate.trim();
  const call = /^(all|any|not)\s*\(([\s\S]*)\)$/.exec(p);
  if (call) {
    const args = splitTopLevel(call[2]!);
    if (call[1] === 'all') return args.every((a) => cfgHolds(a, cfg));
    if (call[1] === 'any') return args.some((a) => cfgHolds(a, cfg));
    return args.length === 1 && !cfgHolds(args[0]!, cfg);
  }
  const kv = /^([\w:]+)\s*=\s*("(?:[^"\\]|\\.)*")$/.exec(p);
  if (kv) return cfg.has(`${kv[1]}=${kv[2]}`);
  if (p === 'true') return true;
  if (p === 'false') return false;
  return cfg.has(p);
}

/** Whether the `#[cfg(...)]` attributes on `node` all hold. */
export function nodeIsConfigured(node: SyntaxNode, cfg: ReadonlySet<string> | undefined): boolean {
  if (!cfg) return true;
  for (const attr of outerAttributes(node)) {
    // `#[test]` functions exist only in test builds, like `#[cfg(test)]`.
    if (/^#\s*\[\s*test\s*\]$/.test(attr.text.trim()) && !cfg.has('test')) return false;
    const m = /^#\s*\[\s*cfg\s*\(([\s\S]*)\)\s*\]$/.exec(attr.text.trim());
    if (m && !cfgHolds(m[1]!, cfg)) return false;
  }
  return true;
}

/** Whether `node` and every ancestor are compiled under `cfg`. */
export function isCompiled(node: SyntaxNode, cfg: ReadonlySet<string> | undefined): boolean {
  if (!cfg) return true;
  for (let n: SyntaxNode | null = node; n; n = parentOf(n)) if (!nodeIsConfigured(n, cfg)) return false;
  return true;
}
