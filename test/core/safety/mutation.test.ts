/**
 * Mutation test on kernel-style code: the fixtures document every unsafe block; deleting any one
 * `// SAFETY:` comment that documents a block must make checkSafety report exactly that block.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRustParser, ParsedDocument, type RustParser } from '../../../src/core/parser';
import { checkSafety } from '../../../src/core/safety/check';
import { collectUnsafeSites } from '../../../src/core/safety/inventory';
import type { SafetyOptions } from '../../../src/core/safety/types';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'kernel-style');
const KERNEL: SafetyOptions = { acceptCommentAboveStatement: true, acceptCommentAboveAttributes: true, checkPrivateItems: true };

let parser: RustParser;
before(async () => {
  parser = await loadRustParser();
});

function analyse(text: string) {
  const doc = new ParsedDocument(parser, text);
  try {
    const sites = collectUnsafeSites(doc);
    return { sites, findings: checkSafety(doc, sites, KERNEL), lines: doc.lines };
  } finally {
    doc.dispose();
  }
}

describe('mutation: removing a SAFETY comment', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.rs')).sort()) {
    const text = readFileSync(path.join(DIR, file), 'utf8');

    it(`${file}: is clean before mutation`, () => {
      assert.deepEqual(analyse(text).findings.filter((f) => f.severity === 'warning'), []);
    });

    it(`${file}: every removed comment is reported at its block`, () => {
      const { sites } = analyse(text);
      const documented = sites.filter((s) => s.kind === 'block' && s.documentation?.kind === 'comment');
      assert.ok(documented.length >= 5, `${file} has only ${documented.length} documented blocks`);
      for (const site of documented) {
        const doc = site.documentation!;
        // Drop the whole comment group (all its lines), as a developer deleting it would.
        const from = text.lastIndexOf('\n', doc.span.start) + 1;
        const to = text.indexOf('\n', doc.span.end - 1) + 1;
        const mutated = text.slice(0, from) + text.slice(to);
        const shift = to - from;
        const keyword = site.keyword.start - shift;
        const missing = analyse(mutated).findings.filter((f) => f.code === 'missing-safety-comment');
        assert.deepEqual(
          missing.map((f) => f.span.start),
          [keyword],
          `${file}: removing the comment at offset ${doc.span.start} should report the block at ${site.keyword.start}`,
        );
      }
    });
  }
});
