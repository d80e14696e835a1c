/**
 * The unsafe inventory: every place a file says `unsafe` (blocks, functions, impls, traits,
 * `unsafe extern` blocks, unsafe attributes), including inside `macro_rules!` bodies and macro
 * arguments, where tree-sitter only sees token trees. Each site carries the span clippy reports
 * and the SAFETY comment or `# Safety` section documenting it under clippy's default options.
 */
import type { ParsedDocument, SyntaxNode } from '../parser';
import type { LineIndex, Span } from '../positions';
import { findSafetyComment, hasMarker, type FoundComment } from './commentScan';
import { itemSafetySection } from './docSections';
import { safetyTree } from './externBlocks';
import { assumedDocumented, blockSafetyComment, bodySearchFromLine, itemSafetyComment, itemSearchFromLine } from './placement';
import { unsafeSiteCandidates, wholeTreeSearch } from './candidates';
import { nodesOutside } from './ruleContext';
import { isItem, nodesOfType, sourceText, unsafeKeyword } from './syntax';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS, type SafetyDoc, type SafetyOptions, type UnsafeSite } from './types';
import { depthAtMost, nextSiblingOf, parentOf } from './treeIndex';

/** `scope`: only the sites inside these nodes, leaving out those starting in `skip` (see RuleContext). */
export function collectUnsafeSites(doc: ParsedDocument, scope?: readonly SyntaxNode[], skip?: readonly Span[]): UnsafeSite[] {
  return collectSites(doc, CLIPPY_DEFAULT_SAFETY_OPTIONS, scope, skip).map((s) => s.site);
}

/** A site with the syntax node it came from, for the rules. */
export interface LocatedSite {
  readonly site: UnsafeSite;
  /** The block, item or attribute node; for token-tree sites the `unsafe` token. */
  readonly node: SyntaxNode;
  /** The `macro_rules!` definition holding a token-tree site. */
  readonly macro?: SyntaxNode;
  /** The macro call whose arguments hold a token-tree site. */
  readonly invocation?: SyntaxNode;
  /** clippy cannot read where the comment would be and treats it as present. */
  readonly assumedDocumented?: boolean;
}

/**
 * Constructs nested deeper than this are not analysed: no real code comes close, and walking
 * up from them costs time quadratic in the depth (see depthAtMost in treeIndex.ts).
 */
export const MAX_DEPTH = 200;

/** How far below a site its `unsafe` token may lie (nested macro token trees) and still be found. */
const TOKEN_DEPTH = 64;

/** Nested token trees are scanned by collectTokenTreeSites from the outermost one. */
const TOKEN_TREES: ReadonlySet<string> = new Set(['token_tree']);
const SITE_TYPES: ReadonlySet<string> = new Set([
  'unsafe_block', 'function_item', 'function_signature_item', 'impl_item', 'trait_item', 'foreign_mod_item', 'attribute_item', 'token_tree',
]);

// The last result: checkSafety asks again right after collectUnsafeSites for the same tree.
let last: { doc: ParsedDocument; tree: unknown; key: string; scope?: readonly SyntaxNode[]; skip?: readonly Span[]; sites: LocatedSite[] } | undefined;

export function collectSites(doc: ParsedDocument, options: SafetyOptions, scope?: readonly SyntaxNode[], skip?: readonly Span[]): LocatedSite[] {
  // Only the comment placement options change what the inventory finds.
  const key = `${options.acceptCommentAboveStatement}/${options.acceptCommentAboveAttributes}/${options.crateRoot ?? true}`;
  if (last && last.doc === doc && last.tree === doc.tree && last.key === key && last.scope === scope && last.skip === skip) return last.sites;
  const sites = computeSites(doc, options, scope, skip);
  last = { doc, tree: doc.tree, key, scope, skip, sites };
  return sites;
}

function computeSites(doc: ParsedDocument, options: SafetyOptions, scope: readonly SyntaxNode[] | undefined, skip: readonly Span[] | undefined): LocatedSite[] {
  const { root, unsafeExternKeywords } = safetyTree(doc);
  const lines = doc.lines;
  const out: LocatedSite[] = [];
  const scanned = wholeTreeSearch()
    ? skip?.length
      ? (scope ?? [root]).flatMap((top) => nodesOutside(top, SITE_TYPES, TOKEN_TREES, skip))
      : scope ? scope.flatMap((top) => nodesOfType(top, SITE_TYPES, TOKEN_TREES)) : nodesOfType(root, SITE_TYPES, TOKEN_TREES)
    : unsafeSiteCandidates(root, sourceText(root) ?? doc.text, SITE_TYPES, TOKEN_TREES, MAX_DEPTH, { scope, skip }, TOKEN_DEPTH);
  // The text-guided candidates come within the depth bound already.
  const checkDepth = wholeTreeSearch();
  const candidates = scanned.filter((n) => mayBeSite(doc.text, n));
  for (const node of candidates) {
    if (checkDepth && !depthAtMost(node, MAX_DEPTH)) continue;
    switch (node.type) {
      case 'unsafe_block': {
        const kw = node.child(0)!;
        const found = blockSafetyComment(node, lines, options);
        const assumed = !found && assumedDocumented(node, lines, options);
        out.push({ node, assumedDocumented: assumed, site: site('block', kw, node, lines, { documentation: commentDoc(found, lines) }) });
        break;
      }
      case 'function_item':
      case 'function_signature_item': {
        const context = fnContext(node);
        const own = unsafeKeyword(node);
        const kw = own ?? (context === 'extern' ? node.children.find((c) => c?.type === 'fn') ?? null : null);
        if (!kw) break;
        if (context === 'extern' && !own && isSafeForeign(node, doc.text)) break;
        out.push({
          node,
          site: site('fn', kw, node, lines, {
            name: node.childForFieldName('name')?.text,
            fnContext: context,
            documentation: sectionDoc(node),
            reportEnd: signatureEnd(node),
            body: node.type === 'function_item' ? node.childForFieldName('body') : null,
          }),
        });
        break;
      }
      case 'impl_item': {
        const kw = unsafeKeyword(node);
        if (!kw) break;
        const trait = node.childForFieldName('trait');
        const type = node.childForFieldName('type');
        const name = trait && type ? `${trait.text} for ${type.text}` : type?.text;
        const found = itemSafetyComment(node, lines, options);
        const assumed = !found && assumedDocumented(node, lines, options);
        out.push({ node, assumedDocumented: assumed, site: site('impl', kw, node, lines, { name, documentation: commentDoc(found, lines) }) });
        break;
      }
      case 'trait_item': {
        const kw = unsafeKeyword(node);
        if (!kw) break;
        const body = node.childForFieldName('body');
        out.push({
          node,
          site: site('trait', kw, node, lines, {
            name: node.childForFieldName('name')?.text,
            documentation: sectionDoc(node),
            reportEnd: body ? body.startIndex : undefined,
          }),
        });
        break;
      }
      case 'foreign_mod_item': {
        const kw = unsafeExternKeywords.find((k) => k.end <= node.startIndex && doc.text.slice(k.end, node.startIndex).trim() === '');
        if (!kw) break;
        const found = commentAbove(node, kw.start, lines, options);
        out.push({ node, site: site('extern-block', kw, node, lines, { documentation: commentDoc(found, lines), start: kw.start }) });
        break;
      }
      case 'attribute_item': {
        const attr = node.namedChildren.find((c) => c?.type === 'attribute');
        const first = attr?.namedChild(0);
        if (!attr || first?.type !== 'identifier' || first.text !== 'unsafe' || attr.namedChild(1)?.type !== 'token_tree') break;
        const found = commentAbove(node, node.startIndex, lines, options);
        out.push({ node, site: site('attribute', first, node, lines, { documentation: commentDoc(found, lines) }) });
        break;
      }
      case 'token_tree':
        collectTokenTreeSites(node, lines, options, out);
        break;
    }
  }
  return out;
}

const UNSAFE_TOKEN: ReadonlySet<string> = new Set(['unsafe']);

/** A cheap textual look at a candidate, so that only likely sites pay for the depth check. */
function mayBeSite(text: string, node: SyntaxNode): boolean {
  const head = (n: number): string => text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + n));
  switch (node.type) {
    case 'function_item': {
      // `unsafe` comes before the `fn` keyword (after any `pub(...)`, `const`, `extern "C"`).
      const h = head(400);
      const fn = /\bfn\b/.exec(h);
      return fn !== null && /\bunsafe\b/.test(h.slice(0, fn.index));
    }
    case 'impl_item':
      return text.startsWith('unsafe', node.startIndex);
    case 'trait_item':
      return /^(pub(\s*\([^)]*\))?\s+)?(auto\s+)?unsafe\b/.test(head(80));
    case 'foreign_mod_item':
      return true;
    case 'attribute_item':
      return /^#\s*\[\s*unsafe\s*\(/.test(head(40));
    case 'token_tree':
      return /\bunsafe\b/.test(node.text);
    default:
      return true;
  }
}

/** `unsafe { ... }`, `unsafe impl`, `unsafe fn`, `unsafe trait` written inside token trees. */
function collectTokenTreeSites(tree: SyntaxNode, lines: LineIndex, options: SafetyOptions, out: LocatedSite[]): void {
  const parent = parentOf(tree);
  const macro = parent?.type === 'macro_rule' ? parentOf(parent) : null;
  const invocation = !macro && parent?.type === 'macro_invocation' ? parent : null;
  if (!macro && !invocation) return;
  for (const node of nodesOfType(tree, UNSAFE_TOKEN)) {
    if (node.isNamed) continue;
    const next = nextSiblingOf(node);
    if (!next) continue;
    let kind: UnsafeSite['kind'] | undefined;
    if (next.type === 'token_tree' && next.child(0)?.type === '{') kind = 'block';
    else if (next.type === 'impl' || next.text === 'impl') kind = 'impl';
    else if (next.type === 'fn' || next.text === 'fn') kind = 'fn';
    else if (next.type === 'trait' || next.text === 'trait') kind = 'trait';
    if (!kind) continue;
    const span = { start: node.startIndex, end: next.endIndex };
    // In a macro body clippy reads the macro's own lines; in arguments, the caller's lines.
    const fromLine = macro ? lines.lineOf(macro.startIndex) + 1 : bodySearchFromLine(node, lines, options.crateRoot);
    const found = (kind === 'block' || kind === 'impl') && fromLine !== undefined
      ? findSafetyComment(lines, { fromLine, toLine: lines.lineOf(node.startIndex) }, options.acceptCommentAboveAttributes)
      : undefined;
    out.push({
      node,
      macro: macro ?? undefined,
      invocation: invocation ?? undefined,
      site: {
        kind,
        keyword: { start: node.startIndex, end: node.endIndex },
        span,
        reportSpan: firstLine(lines, span),
        documentation: commentDoc(found, lines),
        inMacroDefinition: Boolean(macro),
        inMacroInvocation: Boolean(invocation),
      },
    });
  }
}

function fnContext(node: SyntaxNode): UnsafeSite['fnContext'] {
  const list = parentOf(node);
  const owner = list?.type === 'declaration_list' ? parentOf(list) : null;
  if (!owner) return 'free';
  if (owner.type === 'foreign_mod_item') return 'extern';
  if (owner.type === 'trait_item') return 'trait';
  if (owner.type === 'impl_item') return owner.childForFieldName('trait') ? 'trait-impl' : 'inherent';
  return 'free';
}

/** `safe fn` inside an `unsafe extern` block was blanked to spaces in the safety tree. */
function isSafeForeign(node: SyntaxNode, text: string): boolean {
  return /\bsafe\s*$/.test(text.slice(Math.max(0, node.startIndex - 12), node.startIndex));
}

/** Comment above an item-like construct starting at `start` (attributes, extern blocks). */
function commentAbove(item: SyntaxNode, start: number, lines: LineIndex, options: SafetyOptions): FoundComment | undefined {
  const owner = item.type === 'attribute_item' ? nextItem(item) : item;
  const from = owner && isItem(owner) ? (itemSearchFromLine(owner, lines, options.crateRoot) ?? 0) : 0;
  return findSafetyComment(lines, { fromLine: from, toLine: lines.lineOf(start) }, options.acceptCommentAboveAttributes);
}

function nextItem(attr: SyntaxNode): SyntaxNode | null {
  for (let s = nextSiblingOf(attr); s; s = nextSiblingOf(s)) if (s.type !== 'attribute_item' && s.type !== 'line_comment' && s.type !== 'block_comment') return s;
  return null;
}

/** End of a function's signature (before its body or `;`). */
function signatureEnd(node: SyntaxNode): number | undefined {
  const body = node.childForFieldName('body');
  if (body) return body.startIndex;
  const last = node.child(node.childCount - 1);
  return last?.type === ';' ? last.startIndex : undefined;
}

interface SiteExtras {
  readonly name?: string;
  readonly fnContext?: UnsafeSite['fnContext'];
  readonly documentation?: SafetyDoc;
  readonly reportEnd?: number;
  readonly start?: number;
  readonly body?: SyntaxNode | null;
}

function site(kind: UnsafeSite['kind'], kw: SyntaxNode | Span, node: SyntaxNode, lines: LineIndex, extra: SiteExtras): UnsafeSite {
  const keyword = 'startIndex' in kw ? { start: kw.startIndex, end: kw.endIndex } : kw;
  const span = { start: extra.start ?? node.startIndex, end: node.endIndex };
  const reportFull = { start: span.start, end: extra.reportEnd ?? span.end };
  // Built field by field rather than by spreads (slower here); the key order, which JSON output
  // shows, stays: optional fields between reportSpan and the macro flags.
  const out = { kind, keyword, span, reportSpan: firstLine(lines, reportFull) } as { -readonly [K in keyof UnsafeSite]: UnsafeSite[K] };
  if (extra.name !== undefined) out.name = extra.name;
  if (extra.fnContext) out.fnContext = extra.fnContext;
  if (extra.documentation) out.documentation = extra.documentation;
  if (extra.body) out.body = { start: extra.body.startIndex, end: extra.body.endIndex };
  out.inMacroDefinition = false;
  out.inMacroInvocation = false;
  return out;
}

/** clippy's `span_until_char(span, '\n')`: the span cut at its first line break, trailing blanks trimmed. */
export function firstLine(lines: LineIndex, span: Span): Span {
  // Only the first line is looked at: a function's span holds its whole body.
  const text = lines.text;
  let end = span.start;
  while (end < span.end && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

/** A comment line without its markers (`//`, `///`, `//!`, block comment delimiters, a leading `*`). */
function cleanCommentLine(l: string): string {
  return l.trim().replace(/^\/\/[/!]?|^\/\*+!?|\*+\/$|^\*/g, '').replace(/\*+\/$/, '').trim();
}

/** The SafetyDoc of a found comment: its lines, and the text after the `SAFETY:` marker. */
export function commentDoc(found: FoundComment | undefined, lines: LineIndex): SafetyDoc | undefined {
  if (!found) return undefined;
  const raw = lines.text.slice(found.start, found.end);
  // compiletest-style annotations (`//~`) are not part of the justification.
  const kept = (l: string): boolean => !l.trim().startsWith('//~');
  // Most comments are one line: the same steps without the arrays.
  const body = /[\r\n]/.test(raw)
    ? raw.split(/\r?\n|\r/).filter(kept).map(cleanCommentLine).join('\n')
    : kept(raw) ? cleanCommentLine(raw) : '';
  const at = body.toUpperCase().indexOf('SAFETY:');
  const text = (at >= 0 && hasMarker(body) ? body.slice(at + 'SAFETY:'.length) : body).trim();
  return { kind: 'comment', span: { start: found.start, end: found.end }, text };
}

function sectionDoc(node: SyntaxNode): SafetyDoc | undefined {
  const section = itemSafetySection(node);
  return section ? { kind: 'doc-section', span: section.span, text: section.text } : undefined;
}
