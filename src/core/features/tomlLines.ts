/**
 * Where each key of a TOML document is written, so validation messages can say
 * "features.toml:1234: features.foo.status: ...". smol-toml returns plain values without
 * positions, so the text is scanned for table headers and `key = value` lines; this covers the
 * layout the generator writes and ordinary hand edits (dotted and quoted keys included).
 */

/** Splits a dotted key (`a."b.c".d`) into its parts. */
export function splitKey(text: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    parts.push(m[1] ?? m[2] ?? m[3]!);
    if (m[4] === '') break;
  }
  return parts;
}

/** Map from dotted path ("features.foo.status") to its 1-based line. */
export function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let table: string[] = [];
  const note = (path: string[], line: number): void => {
    const key = path.join('.');
    if (!lines.has(key)) lines.set(key, line);
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      table = splitKey(header[1]!);
      for (let n = 1; n <= table.length; n++) note(table.slice(0, n), i + 1);
      return;
    }
    const assign = /^((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\- ]+?)+?)\s*=/.exec(line);
    if (assign) {
      const key = splitKey(assign[1]!);
      for (let n = 1; n <= key.length; n++) note([...table, ...key.slice(0, n)], i + 1);
    }
  });
  return lines;
}

/** The line of `path`, or of its nearest written ancestor, or 1. */
export function lineOfKey(lines: ReadonlyMap<string, number>, path: readonly string[]): number {
  for (let n = path.length; n > 0; n--) {
    const line = lines.get(path.slice(0, n).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}
