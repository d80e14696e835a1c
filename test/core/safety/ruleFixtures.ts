/**
 * Rule fixtures (house rule 8): test/fixtures/rules/<code>/<code>.rs with `//~^ <code>` markers
 * under each expected finding, the golden `<code>.expected` in CLI text format, `<code>.fixed`
 * for rules with fixes, and option variants in sub-folders with a settings.json. Shared by the
 * fixture test and scripts/bless.mjs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeInfo, type Code } from '../../../src/core/codes';
import type { Finding, TextEdit } from '../../../src/core/findings';
import { loadRustParser, ParsedDocument } from '../../../src/core/parser';
import { checkSafety } from '../../../src/core/safety/check';
import { collectUnsafeSites } from '../../../src/core/safety/inventory';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS, type SafetyOptions } from '../../../src/core/safety/types';
import { normalizeSettings } from '../../../src/core/settings';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');

export interface FixtureCase {
  readonly code: Code;
  /** Folder holding the .rs, settings.json and goldens. */
  readonly dir: string;
  /** e.g. `missing-safety-comment` or `missing-safety-comment/no-statement`. */
  readonly name: string;
  readonly source: string;
  readonly options: SafetyOptions;
}

export function optionsFrom(dir: string): SafetyOptions {
  const file = path.join(dir, 'settings.json');
  if (!existsSync(file)) return CLIPPY_DEFAULT_SAFETY_OPTIONS;
  const { settings } = normalizeSettings(JSON.parse(readFileSync(file, 'utf8')));
  const s = settings.safety;
  const d = CLIPPY_DEFAULT_SAFETY_OPTIONS;
  return {
    acceptCommentAboveStatement: s.acceptCommentAboveStatement ?? d.acceptCommentAboveStatement,
    acceptCommentAboveAttributes: s.acceptCommentAboveAttributes ?? d.acceptCommentAboveAttributes,
    checkPrivateItems: s.checkPrivateItems ?? d.checkPrivateItems,
  };
}

export function fixtureCases(filter?: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const code of readdirSync(FIXTURES).sort()) {
    if (filter && code !== filter) continue;
    const root = path.join(FIXTURES, code);
    const dirs = [root, ...readdirSync(root).map((d) => path.join(root, d)).filter((d) => statSync(d).isDirectory()).sort()];
    for (const dir of dirs) {
      const source = path.join(dir, `${code}.rs`);
      if (!existsSync(source)) continue;
      cases.push({ code: code as Code, dir, name: path.relative(FIXTURES, dir), source, options: optionsFrom(dir) });
    }
  }
  return cases;
}

export interface FixtureResult {
  /** The golden text: one CLI line per finding of the fixture's code. */
  readonly expected: string;
  /** The source with every finding's preferred fix applied, or undefined when none has a fix. */
  readonly fixed?: string;
  /** 1-based lines the findings are on. */
  readonly lines: number[];
}

export async function runFixture(c: FixtureCase): Promise<FixtureResult> {
  const parser = await loadRustParser();
  const text = readFileSync(c.source, 'utf8');
  const doc = new ParsedDocument(parser, text);
  try {
    const findings = checkSafety(doc, collectUnsafeSites(doc), c.options)
      .filter((f) => f.code === c.code)
      .sort((a, b) => a.span.start - b.span.start);
    const file = path.basename(c.source);
    const rows = findings.map((f) => {
      const p = doc.lines.rustcPositionAt(f.span.start);
      return `${file}:${p.line}:${p.column}: ${codeInfo(f.code).severity}: ${f.message} [${f.code}]`;
    });
    return {
      expected: rows.join('\n') + (rows.length ? '\n' : ''),
      fixed: applyPreferredFixes(text, findings),
      lines: findings.map((f) => doc.lines.rustcPositionAt(f.span.start).line),
    };
  } finally {
    doc.dispose();
  }
}

function applyPreferredFixes(text: string, findings: readonly Finding[]): string | undefined {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
    if (fix) edits.push(...fix.edits);
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of edits) {
    if (e.span.end > lastStart) continue; // overlapping edits: keep the later one only
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    lastStart = e.span.start;
  }
  return out;
}

/** 1-based lines marked with `//~^ <code>` (one caret per line upward). */
export function markedLines(source: string, code: Code): number[] {
  const out: number[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const m = /\/\/~(\^+)\s*([\w-]+)/.exec(line);
    if (m && m[2] === code) out.push(i + 1 - m[1]!.length);
  });
  return out.sort((a, b) => a - b);
}
