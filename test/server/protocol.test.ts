import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as protocol from '../../src/shared/protocol';

const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'lsp-extensions.md'), 'utf8');

describe('shared protocol', () => {
  it('documents every rflLens/ method in docs/lsp-extensions.md under its own heading', () => {
    assert.deepEqual([...protocol.ALL_METHODS].sort(), ['rflLens/decorations', 'rflLens/status', 'rflLens/workspaceReport']);
    for (const method of protocol.ALL_METHODS) assert.match(doc, new RegExp(`^### \`${method}\``, 'm'), method);
  });

  it('lists every method constant exported by the protocol module in ALL_METHODS', () => {
    const exported = (Object.values(protocol) as unknown[])
      .filter((v): v is { method: string } => typeof v === 'object' && v !== null && 'method' in v)
      .map((v) => v.method)
      .sort();
    assert.deepEqual(exported, [...protocol.ALL_METHODS].sort());
  });

  it('documents every server command and every semantic token type and modifier', () => {
    for (const command of protocol.SERVER_COMMANDS) assert.match(doc, new RegExp(`^### \`${command.replace(/\./g, '\\.')}\``, 'm'), command);
    for (const name of [...protocol.SEMANTIC_TOKEN_TYPES, ...protocol.SEMANTIC_TOKEN_MODIFIERS]) assert.ok(doc.includes(`\`${name}\``), name);
  });
});
