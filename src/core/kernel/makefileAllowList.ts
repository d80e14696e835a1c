/**
 * Reads `rust_allowed_features` out of a kbuild Makefile, together with the structured comment
 * the kernel keeps above it since v6.13:
 *
 *   #   - Stable since Rust 1.87.0: `feature(asm_goto)`.
 *   #   - Expected to become stable: `feature(arbitrary_self_types)`,
 *   #     `feature(register_tool)`.
 *   rust_allowed_features := asm_const,asm_goto,arbitrary_self_types,...
 *
 * Handles line continuations and `:=`, `=`, `?=`, `+=`. Never throws: anything it cannot
 * understand becomes a problem message naming the file and line.
 */
import type { AllowedFeature } from './types';

export interface ParsedAllowList {
  readonly features: readonly AllowedFeature[];
  /** 1-based line of the first assignment that contributed names. */
  readonly line: number;
  /** Whether the file also passes the list as `-Zcrate-attr='feature($(rust_allowed_features))'`. */
  readonly enabledByKbuild: boolean;
  readonly problems: readonly string[];
}

interface LogicalLine {
  readonly text: string;
  /** 1-based line of its first physical line. */
  readonly line: number;
}

/** Joins backslash-continued lines, remembering where each logical line starts. */
export function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const line = i + 1;
    let joined = physical[i]!;
    while (joined.endsWith('\\') && i + 1 < physical.length) {
      joined = `${joined.slice(0, -1)} ${physical[++i]!.trim()}`;
    }
    out.push({ text: joined, line });
  }
  return out;
}

const ASSIGNMENT = /^\s*(?:(?:export|override)\s+)*rust_allowed_features\s*(::=|:=|\?=|\+=|=)\s*(.*)$/;
const FEATURE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INJECTED = /-Zcrate-attr=['"]?feature\(\s*\$[({]rust_allowed_features[)}]\s*\)/;

/** Strips a make comment (an unescaped `#`) from a line. */
function stripComment(text: string): string {
  const m = /(^|[^\\])#/.exec(text);
  return m ? text.slice(0, m.index + m[1]!.length) : text;
}

/** The run of comment lines directly above `index` (without the `#`), top to bottom. */
function commentBlockAbove(lines: readonly LogicalLine[], index: number): string[] {
  const block: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const m = /^\s*#(.*)$/.exec(lines[i]!.text);
    if (!m) break;
    block.unshift(m[1]!);
  }
  return block;
}

/** Feature names quoted in a comment item: `feature(a)`, `feature(a, b)` or a bare `a`. */
function quotedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    const inner = m[1]!.trim();
    const list = /^feature\((.*)\)$/.exec(inner);
    for (const part of (list ? list[1]! : inner).split(',')) {
      const name = part.trim();
      if (FEATURE_NAME.test(name)) names.push(name);
    }
  }
  return names;
}

/**
 * Groups from a comment block: each `- Heading: names` bullet (continued on more-indented lines)
 * maps its names to the heading. A block without bullets above a `+=` line names its own group.
 */
export function commentGroups(block: readonly string[], wholeBlockIsGroup: boolean): Map<string, string> {
  const groups = new Map<string, string>();
  const items: string[] = [];
  let current: string | undefined;
  for (const raw of block) {
    const bullet = /^\s*[-*]\s+(.*)$/.exec(raw);
    if (bullet) {
      if (current !== undefined) items.push(current);
      current = bullet[1]!;
    } else if (current !== undefined && /^\s{2,}\S/.test(raw)) {
      current += ` ${raw.trim()}`;
    } else if (current !== undefined) {
      items.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) items.push(current);

  for (const item of items) {
    const colon = item.indexOf(':');
    const tick = item.indexOf('`');
    if (colon < 0 || (tick >= 0 && tick < colon)) continue;
    const heading = item.slice(0, colon).trim();
    for (const name of quotedNames(item.slice(colon + 1))) if (!groups.has(name)) groups.set(name, heading);
  }
  if (items.length === 0 && wholeBlockIsGroup) {
    const text = block.map((l) => l.trim()).filter(Boolean).join(' ').replace(/[:.]\s*$/, '');
    if (text) groups.set('*', text);
  }
  return groups;
}

/** Parses the allow-list from one Makefile's text; undefined when the file defines none. */
export function parseAllowList(text: string, fileLabel: string): ParsedAllowList | undefined {
  const lines = logicalLines(text);
  const problems: string[] = [];
  let names: string[] | undefined;
  let firstLine = 0;
  const groups = new Map<string, string>();

  lines.forEach((logical, index) => {
    const m = ASSIGNMENT.exec(stripComment(logical.text));
    if (!m) return;
    const [, op, value] = m as unknown as [string, string, string];
    if (op === '?=' && names !== undefined) return;
    const tokens: string[] = [];
    for (const token of value.split(/[\s,]+/).filter(Boolean)) {
      if (FEATURE_NAME.test(token)) tokens.push(token);
      else if (token.includes('$')) problems.push(`${fileLabel}:${logical.line}: cannot expand \`${token}\` in rust_allowed_features; that part of the allow-list is ignored`);
      else problems.push(`${fileLabel}:${logical.line}: \`${token}\` in rust_allowed_features is not a feature name`);
    }
    const earlier = new Set(op === '+=' ? (names ?? []) : []);
    names = op === '+=' ? [...(names ?? []), ...tokens] : tokens;
    if (op !== '+=' || firstLine === 0) firstLine = logical.line;
    if (op !== '+=') groups.clear();

    const local = commentGroups(commentBlockAbove(lines, index), op === '+=');
    const whole = local.get('*');
    for (const name of tokens) {
      const group = local.get(name) ?? whole;
      // A name listed again keeps the group (or none) it was first listed under.
      if (group !== undefined && !earlier.has(name) && !groups.has(name)) groups.set(name, group);
    }
  });

  if (names === undefined) return undefined;
  const seen = new Set<string>();
  const features: AllowedFeature[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const group = groups.get(name);
    features.push(group === undefined ? { name } : { name, group });
  }
  return { features, line: firstLine, enabledByKbuild: INJECTED.test(text), problems };
}
