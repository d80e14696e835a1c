/**
 * Lint levels as rustc resolves them for the four mirrored clippy lints: the innermost
 * `allow`/`expect`/`warn`/`deny`/`forbid` attribute naming the lint (or a group that contains it)
 * on the node or any enclosing statement, item, module or crate decides; the command line (all
 * four at warn, as the kernel's CLIPPY=1 build) is the outermost level. `cfg_attr` is followed
 * when its predicate holds.
 */
import type { SyntaxNode } from '../parser';
import { cfgHolds, splitTopLevel } from './cfg';
import { matchingBracket } from './commentScan';
import { innerAttributes, isModuleRoot, outerAttributes, sourceText } from './syntax';
import { parentOf } from './treeIndex';

export type MirroredLint =
  | 'undocumented_unsafe_blocks'
  | 'missing_safety_doc'
  | 'unnecessary_safety_comment'
  | 'unnecessary_safety_doc';

/** Groups clippy puts each lint in (plus rustc's `warnings`, which covers every warning). */
const GROUPS: Record<MirroredLint, readonly string[]> = {
  undocumented_unsafe_blocks: ['clippy::restriction'],
  unnecessary_safety_comment: ['clippy::restriction'],
  unnecessary_safety_doc: ['clippy::restriction'],
  missing_safety_doc: ['clippy::style', 'clippy::all'],
};

type Level = 'allow' | 'expect' | 'warn' | 'deny' | 'forbid';
const LEVELS: ReadonlySet<string> = new Set(['allow', 'expect', 'warn', 'deny', 'forbid']);

/** The levels one attribute sets, as [level, lint path] pairs, in order. */
export function attributeLevels(attrText: string, cfg: ReadonlySet<string> | undefined): [Level, string][] {
  const m = /^#!?\s*\[\s*([\s\S]*)\]\s*$/.exec(attrText.trim());
  if (!m) return [];
  return metaLevels(m[1]!.trim(), cfg);
}

function metaLevels(meta: string, cfg: ReadonlySet<string> | undefined): [Level, string][] {
  const call = /^([A-Za-z_][\w:]*)\s*\(([\s\S]*)\)$/.exec(meta);
  if (!call) return [];
  const name = call[1]!;
  const args = splitTopLevel(call[2]!);
  if (name === 'cfg_attr') {
    if (args.length < 2 || !cfgHolds(args[0]!, cfg)) return [];
    return args.slice(1).flatMap((a) => metaLevels(a.trim(), cfg));
  }
  if (!LEVELS.has(name)) return [];
  const out: [Level, string][] = [];
  for (const a of args) {
    const path = a.trim().replace(/\s+/g, '');
    if (/^[A-Za-z_][\w:]*$/.test(path)) out.push([name as Level, path]);
  }
  return out;
}

function names(lint: MirroredLint): Set<string> {
  return new Set([`clippy::${lint}`, ...GROUPS[lint], 'warnings']);
}

/** Bodies whose inner attributes (`#![...]`) apply to the node. */
const BODY_OWNERS: ReadonlySet<string> = new Set(['function_item', 'mod_item', 'impl_item', 'trait_item']);

// Attribute texts per node of the last tree seen: rules ask about many nodes sharing ancestors.
let cacheTree: unknown;
const cache = new Map<number, string[]>();

/** The attribute texts that set levels on `node` itself (outer ones, and inner ones of its body). */
function attributesOf(node: SyntaxNode): string[] {
  if (cacheTree !== node.tree) {
    cacheTree = node.tree;
    cache.clear();
  }
  const hit = cache.get(node.id);
  if (hit) return hit;
  const attrs = outerAttributes(node).map((a) => a.text);
  if (node.type === 'block' || isModuleRoot(node)) attrs.push(...innerAttributes(node).map((a) => a.text));
  else if (BODY_OWNERS.has(node.type)) {
    const body = node.childForFieldName('body');
    if (body) attrs.push(...innerAttributes(body).map((a) => a.text));
  }
  cache.set(node.id, attrs);
  return attrs;
}

// Whether the last text seen names a lint level anywhere: most files set none, and then no
// node needs the walk up through its ancestors' attributes.
let levelsText: string | undefined;
let levelsInText = true;
const LEVEL_CALL = /\b(?:allow|expect|warn|deny|forbid)\s*\(/;

/**
 * Whether an attribute in `text` may set a lint level. Levels are only set by attributes, which
 * start with `#`, so each `#[`/`#![` is looked at up to its closing bracket: a pass of the level
 * regex over the whole text costs more than all the attributes of a file.
 */
function namesLevel(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let open = at + 1;
    if (text[open] === '!') open++;
    while (open < text.length && /\s/.test(text[open]!)) open++;
    if (text[open] !== '[') continue;
    const close = matchingBracket(text, open);
    // An attribute the bracket scan cannot close is judged by the rest of the text.
    if (LEVEL_CALL.test(close < 0 ? text.slice(at) : text.slice(at, close + 1))) return true;
  }
  return false;
}

function textMayHaveLevels(node: SyntaxNode): boolean {
  const text = sourceText(node);
  if (text === undefined) return true;
  if (text !== levelsText) {
    levelsText = text;
    levelsInText = namesLevel(text);
  }
  return levelsInText;
}

/** Whether `lint` is allowed or expected at `node`. */
export function isLintAllowed(node: SyntaxNode, lint: MirroredLint, cfg?: ReadonlySet<string>): boolean {
  if (!textMayHaveLevels(node)) return false;
  const wanted = names(lint);
  let decided: Level | undefined;
  for (let n: SyntaxNode | null = node; n && !decided; n = parentOf(n)) {
    const attrs = attributesOf(n);
    for (let i = attrs.length - 1; i >= 0 && !decided; i--) {
      const levels = attributeLevels(attrs[i]!, cfg);
      for (let j = levels.length - 1; j >= 0; j--) {
        if (wanted.has(levels[j]![1])) {
          decided = levels[j]![0];
          break;
        }
      }
    }
  }
  return decided === 'allow' || decided === 'expect';
}
