import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderHtml, jsonForScript, loadHtmlAssets } from '../../../src/core/report/renderHtml';
import { sampleModel } from './sampleModel';

const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('report/renderHtml', () => {
  const model = sampleModel();
  const html = renderHtml(model);

  it('allows exactly its one inline style and one inline script, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'CSP meta present');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    assert.equal(scripts.length, 1);
    assert.equal(
      csp.replace(/&#39;|&quot;/g, "'"),
      `default-src 'none'; img-src data:; style-src ${hash(style)}; script-src ${hash(scripts[0]!)}; base-uri 'none'; form-action 'none'`,
    );
  });

  it('inlines the webview stylesheet and script unchanged, so both look the same', () => {
    const assets = loadHtmlAssets();
    assert.ok(html.includes(`<style>\n${assets.css}\n</style>`));
    assert.ok(html.includes(`<script>\n${assets.js}\n</script>`));
  });

  it('loads nothing from anywhere: no src, no stylesheet links, no remote URLs in the page itself', () => {
    assert.doesNotMatch(html, /<(script|img|iframe)[^>]*\ssrc=/);
    assert.doesNotMatch(html, /<link\b/);
    assert.doesNotMatch(html.replace(/<script>[\s\S]*?<\/script>/, ''), /https?:\/\/(?!github\.com\/rust-lang\/rust\/issues\/)/);
  });

  it('embeds the model as a JSON data block that a message cannot break out of', () => {
    const block = /<script type="application\/json" id="rfl-report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(block);
    assert.ok(!block.includes('</script>'));
    assert.deepEqual(JSON.parse(block), model);
  });

  it('escapes the characters that could end a script element or start markup', () => {
    assert.equal(jsonForScript({ a: '</script><!--&\u2028' }), '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}');
  });

  it('names the scanned roots in the title', () => {
    assert.ok(html.includes('<title>RFL Lens report: linux</title>'));
  });
});
