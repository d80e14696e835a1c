/**
 * Incremental text sync: didOpen/didChange/didClose keep the document store current and schedule
 * a debounced analysis. Only Rust documents are tracked.
 */
import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { guardNotification } from '../guard';
import type { Services } from '../services';

export function isRustDocument(uri: string, languageId: string): boolean {
  return languageId === 'rust' || /\.rs$/i.test(uri.split(/[?#]/)[0] ?? uri);
}

export function register(services: Services): ServerCapabilities {
  const { connection, documents, analyses, settings, notices } = services;
  connection.onDidOpenTextDocument(
    guardNotification(connection, 'didOpen', ({ textDocument: d }) => {
      if (!isRustDocument(d.uri, d.languageId)) return;
      documents.open(d.uri, d.languageId, d.version, d.text);
      analyses.schedule(d.uri);
    }),
  );
  connection.onDidChangeTextDocument(
    guardNotification(connection, 'didChange', ({ textDocument, contentChanges }) => {
      if (documents.change(textDocument.uri, textDocument.version, contentChanges)) analyses.schedule(textDocument.uri);
    }),
  );
  connection.onDidCloseTextDocument(
    guardNotification(connection, 'didClose', ({ textDocument }) => {
      const uri = textDocument.uri;
      analyses.forget(uri);
      settings.forget(uri);
      notices.forget(uri);
      documents.close(uri);
    }),
  );
  return { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } };
}
