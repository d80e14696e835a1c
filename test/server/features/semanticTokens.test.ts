import assert from 'node:assert/strict';
import { GATES_AND_UNSAFE } from '../fixtures';
import { startTestServer, type TestServer } from '../harness';

/** Decodes LSP relative token data into absolute [line, char, length, type, modifiers]. */
function decode(data: number[], types: string[], modifiers: string[]): [number, number, number, string, string[]][] {
  const out: [number, number, number, string, string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    char = dl === 0 ? char + dc : dc;
    out.push([line, char, len, types[type]!, modifiers.filter((_m, bit) => mods & (1 << bit))]);
  }
  return out;
}

describe('semantic tokens (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server?.stop());

  it('marks feature names by status and unsafe keywords by whether they are documented', async () => {
    const uri = 'file:///tokens/gates.rs';
    server.open(uri, GATES_AND_UNSAFE, 1);
    const legend = (server.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    const tokens = await server.client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(decode(tokens.data, legend.tokenTypes, legend.tokenModifiers), [
      [1, 11, 10, 'featureGate', ['stable']],
      [1, 23, 13, 'featureGate', ['unstable']],
      [2, 11, 19, 'featureGate', ['incomplete']],
      [3, 11, 19, 'featureGate', ['unknown']],
      [6, 4, 6, 'unsafeKeyword', []],
      [8, 4, 6, 'unsafeKeyword', ['documented']],
      [13, 24, 6, 'unsafeKeyword', []],
    ]);
  });

  it('answers a range request with the tokens that overlap the range', async () => {
    const uri = 'file:///tokens/gates.rs';
    const legend = (server.initializeResult.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    const tokens = await server.client.request<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 8, character: 5 } },
    });
    assert.deepEqual(decode(tokens.data, legend.tokenTypes, legend.tokenModifiers), [
      [2, 11, 19, 'featureGate', ['incomplete']],
      [3, 11, 19, 'featureGate', ['unknown']],
      [6, 4, 6, 'unsafeKeyword', []],
      [8, 4, 6, 'unsafeKeyword', ['documented']],
    ]);
  });
});
