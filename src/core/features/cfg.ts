/**
 * Evaluates a `cfg` predicate (`all`, `any`, `not`, `name`, `name = "value"`, `true`, `false`)
 * against a crate's cfg set, as written in rust-project.json: `NAME` or `NAME="value"` entries.
 * Undefined when the text is not a predicate we understand, so callers treat the gate as
 * conditional instead of guessing.
 */

type Token = { kind: 'ident' | 'string'; text: string } | { kind: '(' | ')' | ',' | '=' };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|"((?:[^"\\]|\\.)*)"|([(),=]))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    m = re.exec(text);
    if (!m) return /^\s*$/.test(text.slice(at)) ? tokens : undefined;
    if (m[1] !== undefined) tokens.push({ kind: 'ident', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', text: m[2].replace(/\\(.)/g, '$1') });
    else tokens.push({ kind: m[3] as '(' | ')' | ',' | '=' });
  }
  return tokens;
}

class Evaluator {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly cfg: ReadonlySet<string>,
  ) {}

  get done(): boolean {
    return this.pos === this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(kind: Token['kind']): Token | undefined {
    const t = this.tokens[this.pos];
    if (t?.kind !== kind) return undefined;
    this.pos++;
    return t;
  }

  /** One predicate; undefined on a syntax error. */
  predicate(): boolean | undefined {
    const head = this.take('ident');
    if (!head || head.kind !== 'ident') return undefined;
    const name = head.text;
    if (this.take('=')) {
      const value = this.take('string');
      if (!value || value.kind !== 'string') return undefined;
      return this.cfg.has(`${name}="${value.text}"`);
    }
    if (this.peek()?.kind !== '(') {
      if (name === 'true') return true;
      if (name === 'false') return false;
      return this.cfg.has(name);
    }
    if (name !== 'all' && name !== 'any' && name !== 'not') return undefined;
    this.take('(');
    const args: boolean[] = [];
    while (!this.take(')')) {
      const v = this.predicate();
      if (v === undefined) return undefined;
      args.push(v);
      if (!this.take(',') && this.peek()?.kind !== ')') return undefined;
    }
    if (name === 'not') return args.length === 1 ? !args[0] : undefined;
    return name === 'all' ? args.every(Boolean) : args.some(Boolean);
  }
}

export function evaluateCfg(predicateText: string, cfg: ReadonlySet<string>): boolean | undefined {
  const tokens = tokenize(predicateText);
  if (!tokens || !tokens.length) return undefined;
  const ev = new Evaluator(tokens, cfg);
  const value = ev.predicate();
  return ev.done ? value : undefined;
}
