import assert from 'node:assert/strict';
import { MINIMAL_CAPABILITIES, positionOf, startTestServer, type RangeShape, type TestServer } from '../harness';

interface ItemShape {
  label: string;
  detail: string;
  sortText: string;
  labelDetails?: { description: string };
  tags?: number[];
  textEdit?: { range: RangeShape; newText: string };
  documentation?: { kind: string; value: string } | string;
  data: unknown;
}

describe('completion (over stdio)', function () {
  this.timeout(60000);
  let server: TestServer;
  const uri = 'file:///completion/lib.rs';
  const text = '// é 日本 😀\n#![feature(let_chains, all)]\n#![cfg_attr(CONFIG_X, feature(generic_co))]\nfn main() {}\n';

  before(async () => {
    server = await startTestServer();
    server.open(uri, text, 1);
  });
  after(async () => server?.stop());

  interface ListShape {
    isIncomplete: boolean;
    itemDefaults?: { editRange?: RangeShape; data?: unknown };
    items: ItemShape[];
  }
  let lastList: ListShape | null = null;
  const complete = async (needle: string, delta: number): Promise<ItemShape[] | null> => {
    lastList = await server.client.request<ListShape | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, delta) });
    return lastList && lastList.items;
  };

  it('offers feature names with their status, replacing the partial name', async () => {
    const items = await complete('all)', 3);
    assert.ok(items && items.length > 300, `${items?.length} items`);
    assert.equal(items.some((i) => i.label === 'let_chains'), false, 'names already in the list are not offered again');
    const api = items.find((i) => i.label === 'allocator_api')!;
    assert.equal(api.detail, 'unstable · library feature');
    assert.deepEqual(api.labelDetails, { description: 'unstable' });
    // The range replaced (the partial `all`) and the resolve data are sent once, as item defaults.
    assert.equal(api.textEdit, undefined);
    assert.deepEqual(lastList!.itemDefaults, { editRange: { start: { line: 1, character: 23 }, end: { line: 1, character: 26 } }, data: { uri } });
    const stable = items.find((i) => i.label === 'asm_goto')!;
    assert.equal(stable.detail, 'stable 1.87.0 · language feature');
  });

  it('sorts unstable features before stable ones and removed ones last', async () => {
    const items = (await complete('all)', 3))!;
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    const firstStable = sorted.findIndex((i) => i.detail.startsWith('stable'));
    const lastUnstable = sorted.map((i) => i.detail.startsWith('unstable')).lastIndexOf(true);
    assert.ok(lastUnstable < firstStable, `${lastUnstable} < ${firstStable}`);
    const removed = sorted.filter((i) => i.detail.startsWith('removed'));
    assert.ok(removed.length > 0);
    assert.ok(removed.every((i) => i.tags?.includes(1)), 'removed features are tagged deprecated');
    assert.equal(sorted.at(-1)!.detail.startsWith('removed'), true);
  });

  it('completes inside cfg_attr and resolves documentation', async () => {
    const items = (await complete('generic_co', 10))!;
    const item = items.find((i) => i.label === 'generic_const_exprs')!;
    assert.equal(item.detail, 'incomplete · language feature');
    assert.deepEqual(lastList!.itemDefaults!.editRange, { start: { line: 2, character: 30 }, end: { line: 2, character: 40 } });
    // As the client applies itemDefaults, the item it resolves carries the default data.
    const resolved = await server.client.request<ItemShape>('completionItem/resolve', { ...item, data: lastList!.itemDefaults!.data });
    assert.equal(item.documentation, undefined, 'left for completionItem/resolve');
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /^\*\*`generic_const_exprs`\*\* · language feature\n\n\*\*unstable\*\* \(incomplete\)/);
  });

  it('sends documentation inline, as plain text, to a client that neither resolves it nor reads Markdown', async () => {
    const minimal = await startTestServer({ capabilities: MINIMAL_CAPABILITIES });
    try {
      minimal.open(uri, text, 1);
      const list = await minimal.client.request<ListShape>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 'all)', 3) });
      assert.equal(list.itemDefaults, undefined);
      const api = list.items.find((i) => i.label === 'allocator_api')!;
      assert.deepEqual(api.textEdit, { range: { start: { line: 1, character: 23 }, end: { line: 1, character: 26 } }, newText: 'allocator_api' });
      assert.deepEqual(api.data, { uri });
      assert.equal(api.labelDetails, undefined);
      assert.equal(typeof api.documentation, 'string');
      assert.match(api.documentation as unknown as string, /^\*\*`allocator_api`\*\* · library feature\n\n\*\*unstable\*\*/);
    } finally {
      await minimal.stop();
    }
  });

  it('offers nothing outside a feature list', async () => {
    assert.equal(await complete('fn main', 3), null);
  });
});
