/**
 * The report webview's page: a shell that loads media/report.css and media/report.js through
 * webview URIs under a strict CSP. Pure, so a test can check the CSP without VS Code; the
 * model arrives later by postMessage.
 */
import { escapeHtml as attr } from './escapeHtml';

export interface WebviewPage {
  /** webview.cspSource. */
  readonly cspSource: string;
  /** A fresh random nonce per page load (base64 or hex, no quotes). */
  readonly nonce: string;
  /** asWebviewUri of media/report.css and media/report.js, as strings. */
  readonly styleUri: string;
  readonly scriptUri: string;
}

export function webviewCsp(page: Pick<WebviewPage, 'cspSource' | 'nonce'>): string {
  return `default-src 'none'; img-src ${page.cspSource}; style-src ${page.cspSource}; script-src 'nonce-${page.nonce}'`;
}

export function renderWebviewHtml(page: WebviewPage): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(page.nonce)) throw new Error('webview nonce must be at least 16 base64/hex characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(webviewCsp(page))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(page.styleUri)}">
<title>RFL Lens workspace report</title>
</head>
<body>
<main id="app"></main>
<script nonce="${page.nonce}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}
