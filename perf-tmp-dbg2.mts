import { readFileSync } from 'node:fs';
import { loadRustParser, ParsedDocument } from './src/core/parser';
const { beforeText, change, after } = JSON.parse(readFileSync('/tmp/perfw/fail.json', 'utf8'));
const parser = await loadRustParser();
for (const t of [beforeText, after]) {
  const doc = new ParsedDocument(parser, t);
  const at = t.indexOf('unsafe impl<T: ?Sized + Send, B: Backend> Send');
  let n = doc.root.descendantForIndex(at)!;
  const chain: string[] = [];
  for (let p: typeof n | null = n; p; p = p.parent) chain.push(`${p.type}@${p.startIndex}-${p.endIndex}`);
  console.log(chain.join(' < '));
  console.log(doc.root.children.filter((c) => c!.endIndex > at - 800 && c!.startIndex < at + 100).map((c) => `${c!.type}@${c!.startIndex}-${c!.endIndex}`).join('\n'));
}
