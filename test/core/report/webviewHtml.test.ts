import assert from 'node:assert/strict';
import { renderWebviewHtml, webviewCsp } from '../../../src/core/report/webviewHtml';

describe('report/webviewHtml', () => {
  const page = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'Zm9vYmFyYmF6cXV4MTIzNDU2',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js',
  };
  const html = renderWebviewHtml(page);

  it('sets the house CSP: nothing by default, styles and images from the webview, scripts by nonce', () => {
    assert.equal(
      webviewCsp(page),
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-Zm9vYmFyYmF6cXV4MTIzNDU2'",
    );
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(meta, webviewCsp(page));
  });

  it('gives every <script> the nonce and inlines no code', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs!, / nonce="Zm9vYmFyYmF6cXV4MTIzNDU2"/);
      assert.equal(body, '');
    }
    assert.ok(html.includes(`src="${page.scriptUri}"`));
  });

  it('has no inline styles or event handlers', () => {
    assert.doesNotMatch(html, /<style\b/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\son[a-z]+=/);
    assert.ok(html.includes(`<link rel="stylesheet" href="${page.styleUri}">`));
  });

  it('refuses a nonce too short to be unguessable', () => {
    assert.throws(() => renderWebviewHtml({ ...page, nonce: 'abc' }), /nonce/);
  });
});
