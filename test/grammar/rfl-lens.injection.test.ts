/**
 * The injection grammar (syntaxes/rfl-lens.injection.tmLanguage.json) run through the real
 * TextMate engine VS Code uses (vscode-textmate + vscode-oniguruma), injected into a small
 * source.rust base grammar, and, when the e2e cache has it, into VS Code's own Rust grammar.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..', '..');
const INJECTION = path.join(root, 'syntaxes', 'rfl-lens.injection.tmLanguage.json');
const TEST_BASE = path.join(root, 'test', 'grammar', 'rust-base.tmLanguage.json');
const VSCODE_RUST = path.join(root, '.cache', 'e2e', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'rust', 'syntaxes', 'rust.tmLanguage.json');

let onigReady: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return { createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) };
  })();
  return onigReady;
}

/** The grammar for source.rust with our injection registered as VS Code does for `injectTo`. */
async function loadRust(basePath: string): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = scopeName === 'source.rust' ? basePath : scopeName === 'rfl-lens.injection' ? INJECTION : undefined;
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => (scopeName === 'source.rust' ? ['rfl-lens.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('source.rust');
  assert.ok(grammar, `cannot load ${basePath}`);
  return grammar;
}

interface Token {
  line: number;
  text: string;
  scopes: string[];
}

function tokenize(grammar: vsctm.IGrammar, source: string): Token[] {
  const out: Token[] = [];
  let state = vsctm.INITIAL;
  source.split('\n').forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    for (const t of r.tokens) out.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

/** Tokens carrying `scope` (a whole scope name), as "line:text". */
function withScope(tokens: Token[], scope: string): string[] {
  return tokens.filter((t) => t.scopes.includes(scope)).map((t) => `${t.line}:${t.text}`);
}

function tokenAt(tokens: Token[], line: number, text: string): Token {
  const t = tokens.find((x) => x.line === line && x.text === text);
  assert.ok(t, `no token "${text}" on line ${line}: ${JSON.stringify(tokens.filter((x) => x.line === line).map((x) => x.text))}`);
  return t;
}

const SAMPLE = [
  '#![feature(allocator_api, const_refs_to_cell)]', // 0
  '#![feature(', // 1
  '    arbitrary_self_types, // needed for Pin<&mut Self>', // 2
  '    new_uninit', // 3
  ')]', // 4
  '#[cfg(feature = "unsafe")]', // 5
  'fn f(p: *const u8) -> u8 {', // 6
  '    // SAFETY: `p` is valid for reads, see the caller.', // 7
  '    let x = unsafe { *p };', // 8
  '    let s = "unsafe { SAFETY: not code }";', // 9
  '    // this mentions unsafe and SAFETY: in the middle', // 10
  '    /// SAFETY: a doc comment is not a SAFETY comment', // 11
  '    let r#unsafe = 1; let unsafe_ptr = 2;', // 12
  '    //SAFETY: no space, any case accepted like clippy', // 13
  '    /* unsafe in a block comment */', // 14
  '    x', // 15
  '}', // 16
  'unsafe impl Send for S {}', // 17
].join('\n');

function describeWithBase(title: string, basePath: () => string, skipReason: () => string | undefined): void {
  describe(title, function () {
    let tokens: Token[];
    before(async function () {
      const reason = skipReason();
      if (reason) {
        console.log(`      skipped: ${reason}`);
        this.skip();
      }
      tokens = tokenize(await loadRust(basePath()), SAMPLE);
    });

    it('scopes every feature name in #![feature(...)], single- and multi-line, and nothing else', () => {
      assert.deepEqual(withScope(tokens, 'entity.name.feature.rust'), [
        '0:allocator_api',
        '0:const_refs_to_cell',
        '2:arbitrary_self_types',
        '3:new_uninit',
      ]);
    });

    it('wraps the whole gate in meta.attribute.feature-gate.rust, keeping meta.attribute.rust', () => {
      const gate = tokenAt(tokens, 0, 'allocator_api');
      assert.deepEqual(gate.scopes.slice(-3), ['meta.attribute.rust', 'meta.attribute.feature-gate.rust', 'entity.name.feature.rust']);
      const close = tokens.filter((t) => t.line === 4);
      assert.ok(close.every((t) => t.scopes.includes('meta.attribute.feature-gate.rust')), JSON.stringify(close));
      assert.ok(!tokenAt(tokens, 5, '"').scopes.includes('meta.attribute.feature-gate.rust'));
    });

    it('keeps a comment inside a multi-line gate a comment', () => {
      const comment = tokens.find((t) => t.line === 2 && t.text.includes('needed for'));
      assert.ok(comment);
      assert.ok(comment.scopes.includes('comment.line.double-slash.rust'));
      assert.ok(!comment.scopes.includes('entity.name.feature.rust'));
    });

    it('scopes the unsafe keyword in code only: not in strings, comments, r#unsafe or unsafe_ptr', () => {
      assert.deepEqual(withScope(tokens, 'keyword.other.unsafe.rust'), ['8:unsafe', '17:unsafe']);
    });

    it('tags SAFETY: at the start of a plain line comment, keeping the comment scope', () => {
      assert.deepEqual(withScope(tokens, 'keyword.other.safety-tag.rust'), ['7:SAFETY:', '13:SAFETY:']);
      const rest = tokens.find((t) => t.line === 7 && t.text.includes('is valid for reads'));
      assert.ok(rest);
      assert.ok(rest.scopes.includes('comment.line.double-slash.rust'));
      assert.ok(rest.scopes.includes('comment.line.safety.rust'));
      assert.equal(tokenAt(tokens, 7, '//').scopes.at(-1), 'punctuation.definition.comment.rust');
    });

    it('leaves strings alone: no gate, keyword or tag scope inside "..."', () => {
      const inString = tokens.filter((t) => t.line === 9 && t.scopes.some((s) => s.startsWith('string.quoted')));
      assert.ok(inString.length > 0);
      for (const t of inString) {
        assert.ok(!t.scopes.some((s) => /unsafe|safety|feature/.test(s)), `${t.text}: ${t.scopes.join(' ')}`);
      }
      const attrString = tokens.filter((t) => t.line === 5 && t.text.includes('unsafe'));
      assert.ok(attrString.every((t) => !t.scopes.includes('keyword.other.unsafe.rust')));
    });
  });
}

describe('syntaxes/rfl-lens.injection.tmLanguage.json', () => {
  it('is declared in package.json as an injection into source.rust with a selector excluding strings', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const grammar = JSON.parse(readFileSync(INJECTION, 'utf8')) as { scopeName: string; injectionSelector: string };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(entry);
    assert.deepEqual(entry.injectTo, ['source.rust']);
    assert.equal(path.resolve(root, entry.path), INJECTION);
    assert.equal(grammar.injectionSelector, 'L:source.rust -string -comment');
  });

  describeWithBase('injected into a minimal source.rust', () => TEST_BASE, () => undefined);
  describeWithBase("injected into VS Code's bundled Rust grammar", () => VSCODE_RUST, () =>
    existsSync(VSCODE_RUST) ? undefined : `VS Code's Rust grammar not found at ${VSCODE_RUST} (run scripts/e2e-setup.sh)`,
  );
});
