/**
 * package.json contributions agree with the code: settings defaults with DEFAULT_SETTINGS (both
 * directions), the command table with contributes.commands, the semantic token legend with
 * src/shared/protocol.ts. Runs without VS Code: the command table's keys are read from the
 * source with the TypeScript parser, since src/client/commands.ts imports `vscode`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ALL_CODES } from '../../src/core/codes';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../src/shared/protocol';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Property {
  type?: string | string[];
  default?: unknown;
  scope?: string;
  markdownDescription?: string;
  properties?: Record<string, { enum?: string[] }>;
}
interface Pkg {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when?: string }[] };
    configuration: { title: string; properties: Record<string, Property> }[];
    colors: { id: string; defaults: Record<string, string | null> }[];
    semanticTokenTypes: { id: string; superType?: string }[];
    semanticTokenModifiers: { id: string }[];
    semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
  };
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Pkg;
const properties: Record<string, Property> = Object.assign({}, ...pkg.contributes.configuration.map((s) => s.properties));

/** Settings the client alone reads (vscode-languageclient's trace switch); not part of RflLensSettings. */
const CLIENT_ONLY = ['rflLens.trace.server'];

/** DEFAULT_SETTINGS as VS Code setting keys; `severity` is one object-valued setting. */
function flatten(value: object, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    const key = `${prefix}.${k}`;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && k !== 'severity') flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

/** Property names of the object literal assigned to `const COMMANDS`. */
function commandTableKeys(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let keys: string[] | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'COMMANDS' && node.initializer) {
      let init: ts.Expression = node.initializer;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
      assert.ok(ts.isObjectLiteralExpression(init), 'COMMANDS is an object literal');
      keys = init.properties.map((p) => p.name?.getText(source) ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.ok(keys, `no COMMANDS table in ${file}`);
  return keys;
}

describe('package.json', () => {
  describe('contributes.configuration', () => {
    const defaults = flatten(DEFAULT_SETTINGS, 'rflLens', new Map());

    it('has the four titled sections, in order', () => {
      assert.deepEqual(
        pkg.contributes.configuration.map((s) => s.title),
        ['RFL Lens', 'RFL Lens: SAFETY rules', 'RFL Lens: Feature gates', 'RFL Lens: Server'],
      );
    });

    it('declares every DEFAULT_SETTINGS key with the same default', () => {
      for (const [key, value] of defaults) {
        assert.ok(properties[key], `${key} is missing from package.json`);
        assert.deepEqual(properties[key].default, value, `default of ${key}`);
      }
    });

    it('declares nothing that DEFAULT_SETTINGS lacks (besides client-only settings)', () => {
      const extra = Object.keys(properties).filter((k) => !defaults.has(k) && !CLIENT_ONLY.includes(k));
      assert.deepEqual(extra, []);
      assert.equal(Object.keys(properties).length, defaults.size + CLIENT_ONLY.length);
    });

    it('gives every property a markdownDescription, a default and a scope', () => {
      for (const [key, p] of Object.entries(properties)) {
        assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key}: markdownDescription`);
        assert.ok('default' in p, `${key}: default`);
        assert.ok(p.scope, `${key}: scope`);
      }
    });

    it('makes the rustc path machine-overridable and restricts paths in untrusted workspaces', () => {
      assert.equal(properties['rflLens.rustcPath']?.scope, 'machine-overridable');
      const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
      assert.deepEqual([...restricted].sort(), ['rflLens.databasePath', 'rflLens.kernelTree', 'rflLens.rustcPath']);
      for (const key of restricted) assert.ok(properties[key], `${key} is restricted but not declared`);
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    });

    it('offers a severity for exactly the diagnostic codes of src/core/codes.ts', () => {
      const sev = properties['rflLens.severity'];
      assert.ok(sev?.properties);
      assert.deepEqual(Object.keys(sev.properties).sort(), [...ALL_CODES].sort());
      for (const p of Object.values(sev.properties)) assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off']);
    });
  });

  describe('contributes.commands', () => {
    it('has one command per entry of the command table in src/client/commands.ts', () => {
      const keys = commandTableKeys(path.join(root, 'src', 'client', 'commands.ts'));
      assert.deepEqual(
        pkg.contributes.commands.map((c) => c.command).sort(),
        keys.map((k) => `rflLens.${k}`).sort(),
      );
    });

    it('puts every command in the "RFL Lens" category and hides it in the palette outside Rust', () => {
      for (const c of pkg.contributes.commands) {
        assert.equal(c.category, 'RFL Lens', c.command);
        const palette = pkg.contributes.menus.commandPalette.find((m) => m.command === c.command);
        assert.ok(palette?.when?.includes('rflLens.active'), `${c.command}: palette when clause`);
      }
    });

    it('shows the four commands in the palette under these exact names', () => {
      assert.deepEqual(
        pkg.contributes.commands.map((c) => `${c.category}: ${c.title}`),
        [
          'RFL Lens: Restart Server',
          'RFL Lens: Show Workspace Report',
          'RFL Lens: Rebuild Feature Database from Toolchain',
          'RFL Lens: Show Output',
        ],
      );
    });
  });

  describe('themes and tokens', () => {
    it('contributes the decoration colours with dark, light and high-contrast defaults', () => {
      assert.deepEqual(
        pkg.contributes.colors.map((c) => c.id),
        ['rflLens.unsafeBackground', 'rflLens.safetyCommentBackground', 'rflLens.safetyCommentForeground'],
      );
      for (const c of pkg.contributes.colors) {
        for (const theme of ['dark', 'light', 'highContrast']) assert.ok(theme in c.defaults, `${c.id}: ${theme}`);
      }
    });

    it('declares the semantic token legend of src/shared/protocol.ts', () => {
      assert.deepEqual(pkg.contributes.semanticTokenTypes.map((t) => t.id), [...SEMANTIC_TOKEN_TYPES]);
      assert.deepEqual(
        Object.fromEntries(pkg.contributes.semanticTokenTypes.map((t) => [t.id, t.superType])),
        { featureGate: 'macro', unsafeKeyword: 'keyword' },
      );
      assert.deepEqual(pkg.contributes.semanticTokenModifiers.map((m) => m.id), [...SEMANTIC_TOKEN_MODIFIERS]);
      const scopes = pkg.contributes.semanticTokenScopes.find((s) => s.language === 'rust')?.scopes;
      assert.deepEqual(scopes?.featureGate, ['entity.name.feature.rust']);
      assert.deepEqual(scopes?.unsafeKeyword, ['keyword.other.unsafe.rust']);
    });
  });

  it('activates on Rust files, Rust workspaces and a restored report panel', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:rust', 'workspaceContains:**/*.rs', 'onWebviewPanel:rflLens.report']);
  });
});
