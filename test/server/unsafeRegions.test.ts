/** unsafeRegionSpans over incremental analyses: fn bodies carried with their sites stay exact as the text moves. */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { ContextResolver } from '../../src/core/context';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { loadRustParser, ParsedDocument } from '../../src/core/parser';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { unsafeRegionSpans } from '../../src/server/unsafeRegions';

const SOURCE = [
  'fn head() {}',
  '',
  '/// # Safety',
  '///',
  '/// `p` must be valid.',
  'unsafe fn read(p: *const u8) -> u8 {',
  '    // SAFETY: the caller keeps `p` valid.',
  '    unsafe { *p }',
  '}',
  '',
  'unsafe fn declared();',
  '',
  'fn tail() {}',
  '',
].join('\n');

describe('unsafeRegionSpans', () => {
  it('gives the regions of a fresh analysis after edits before and after an unsafe fn', async () => {
    const parser = await loadRustParser();
    const ctx = new ContextResolver({ settings: DEFAULT_SETTINGS, trusted: true }).contextFor(undefined);
    const doc = new ParsedDocument(parser, SOURCE);
    const incremental = new IncrementalAnalyzer();
    const regionsOf = (d: ParsedDocument, sites: Parameters<typeof unsafeRegionSpans>[0]): string[] =>
      unsafeRegionSpans(sites).map((s) => JSON.stringify(d.lines.rangeOf(s)));
    try {
      const first = incremental.analyze(doc, ctx);
      // The body of `read` (lines 5-8); `declared` has none.
      assert.deepEqual(regionsOf(doc, first.unsafeSites), [
        JSON.stringify({ start: { line: 5, character: 35 }, end: { line: 8, character: 1 } }),
        JSON.stringify({ start: { line: 7, character: 4 }, end: { line: 7, character: 17 } }),
      ]);
      for (const [line, text] of [[12, 'x'], [0, '\n\n'], [12, ' '], [1, '// a comment\n']] as const) {
        doc.applyChanges([{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text }]);
        const result = incremental.analyze(doc, ctx);
        const fresh = new ParsedDocument(parser, doc.text);
        try {
          assert.deepEqual(regionsOf(doc, result.unsafeSites), regionsOf(fresh, analyze(fresh, ctx).unsafeSites), `after ${JSON.stringify(text)} on line ${line}`);
        } finally {
          fresh.dispose();
        }
      }
    } finally {
      doc.dispose();
    }
  });
});
