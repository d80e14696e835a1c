/**
 * The report as one self-contained HTML file: the webview's own stylesheet and script inlined,
 * the model embedded as a JSON data block, and a CSP that allows exactly those two inline
 * blocks by hash. Nothing is fetched, so it works offline in any browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './escapeHtml';
import type { ReportModel } from './model';

declare const __dirname: string;

/** media/ of the extension: beside dist/ in a build, at the repo root from src/core/report/. */
export function mediaDir(): string {
  return path.basename(__dirname) === 'dist' ? path.join(path.dirname(__dirname), 'media') : path.resolve(__dirname, '..', '..', '..', 'media');
}

export interface HtmlAssets {
  readonly css: string;
  readonly js: string;
}

export function loadHtmlAssets(dir = mediaDir()): HtmlAssets {
  return { css: readFileSync(path.join(dir, 'report.css'), 'utf8'), js: readFileSync(path.join(dir, 'report.js'), 'utf8') };
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** JSON that cannot end the <script> element it sits in, nor start a comment or CDATA. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}


export function renderHtml(model: ReportModel, assets: HtmlAssets = loadHtmlAssets()): string {
  // The inline blocks are hashed exactly as written between their tags.
  const css = `\n${assets.css}\n`;
  const js = `\n${assets.js}\n`;
  const csp = `default-src 'none'; img-src data:; style-src ${sha256(css)}; script-src ${sha256(js)}; base-uri 'none'; form-action 'none'`;
  const title = `RFL Lens report: ${model.roots.map((r) => path.basename(r)).join(', ')}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rfl-lens ${escapeHtml(model.tool)}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main id="app"><noscript>This report is drawn by a script; enable JavaScript, or use <code>rfl-lens report --format md</code>.</noscript></main>
<script type="application/json" id="rfl-report-data">${jsonForScript(model)}</script>
<script>${js}</script>
</body>
</html>
`;
}
