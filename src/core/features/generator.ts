/**
 * `rfl-lens db build`: rebuilds the feature database from a toolchain. The toolchain is the
 * authority: candidate names come from its own files (unstable book, rustdoc HTML and library
 * sources, standard library metadata, the compiler's symbol table) and rustc itself says what
 * each one is (classify.ts). Hand-kept kernel notes are merged in so regenerating never loses them.
 */
import { probeFeatures, probeRustc } from '../toolchain';
import { classifyNames, type Classified } from './classify';
import { featureLinks } from './database';
import { parseKernelNotes } from './kernelNotes';
import { unstableBookUrl } from './links';
import { serializeDatabase } from './serialize';
import { readDriverCandidates } from './sources/driverSymbols';
import { readMetadataCandidates } from './sources/metadataStrings';
import { readRustdocMentions, type LibraryMention } from './sources/rustdocHtml';
import { readUnstableBook, type BookPage } from './sources/unstableBook';
import type { FeatureKind, FeatureRecord, KernelNote } from './types';

export interface BuildOptions {
  /** rustc to build from; default `rustc` on PATH. */
  readonly rustc?: string;
  /** Text of kernel-notes.toml, and its name for messages. */
  readonly kernelNotes?: string;
  readonly kernelNotesFile?: string;
  readonly onProgress?: (message: string) => void;
  readonly concurrency?: number;
}

export interface BuildResult {
  readonly text: string;
  readonly records: readonly FeatureRecord[];
  readonly candidates: number;
  /** Things worth a look (names that break compilation, kernel notes for unknown names). */
  readonly problems: string[];
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Keywords and literals are not paths inside `feature(...)`: they make the attribute malformed. */
const NOT_NAMES = new Set(
  'as async await break const continue crate dyn else enum extern false fn for gen if impl in let loop match mod move mut pub ref return self Self static struct super trait true try type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield _'.split(' '),
);

export interface Evidence {
  readonly book: ReadonlyMap<string, BookPage>;
  readonly library: ReadonlyMap<string, LibraryMention>;
  readonly driver: ReadonlySet<string>;
}

/** Kind when rustc could not say: the unstable book's folder, else where the name was seen. */
function fallbackKind(name: string, e: Evidence): FeatureKind {
  const page = e.book.get(name);
  if (page) return page.kind;
  return e.library.has(name) || !e.driver.has(name) ? 'lib' : 'lang';
}

/**
 * One record from rustc's verdict plus the facts the toolchain's docs add (tracking issue, page).
 * Page prose is not copied into the database: hovers read it from the user's own docs.
 */
export function makeRecord(name: string, c: Classified, e: Evidence, kernel: KernelNote | undefined): FeatureRecord | undefined {
  const v = c.verdict;
  if (v.status === 'unknown') return undefined;
  const kind = c.kind ?? fallbackKind(name, e);
  const page = e.book.get(name);
  const trackingIssue = page?.trackingIssue ?? e.library.get(name)?.trackingIssue ?? v.trackingIssue;
  const unstableBook = page ? unstableBookUrl(name, page.kind) : undefined;
  const since = v.status === 'stable' || v.status === 'removed' ? v.since : undefined;
  return {
    name,
    kind,
    status: v.status,
    ...(since !== undefined && { since }),
    ...(trackingIssue !== undefined && { trackingIssue }),
    ...(v.reason !== undefined && { reason: v.reason }),
    links: featureLinks(v.status, since, trackingIssue, unstableBook),
    ...(kernel !== undefined && { kernel }),
  };
}

export async function generateDatabase(options: BuildOptions = {}): Promise<BuildResult> {
  const say = options.onProgress ?? (() => undefined);
  const rustc = await probeRustc(options.rustc);
  say(`building from ${rustc.versionLine} (sysroot ${rustc.sysroot})`);

  const pages = await readUnstableBook(rustc.sysroot);
  say(`unstable book: ${pages.length} pages`);
  const library = await readRustdocMentions(rustc.sysroot, (n) => say(`rustdoc: ${n} files read`));
  say(`rustdoc HTML and library sources: ${library.size} names`);
  const metadata = await readMetadataCandidates(rustc.sysroot);
  say(`standard library metadata: ${metadata.size} strings`);
  const driver = await readDriverCandidates(rustc.sysroot);
  say(`compiler symbol table: ${driver.size} symbols`);

  const evidence: Evidence = { book: new Map(pages.map((p) => [p.name, p])), library, driver };
  const all = new Set<string>([...evidence.book.keys(), ...library.keys(), ...metadata, ...driver]);
  const candidates = [...all].filter((n) => NAME_RE.test(n) && !NOT_NAMES.has(n)).sort();
  say(`${candidates.length} candidate names; asking rustc about each`);

  const { result, problems } = await classifyNames(candidates, (names) => probeFeatures(rustc.path, names, 300_000), {
    concurrency: options.concurrency,
    onProgress: say,
  });

  const notesFile = options.kernelNotesFile ?? 'kernel-notes.toml';
  const notes = options.kernelNotes === undefined ? { notes: new Map<string, KernelNote>(), problems: [] } : parseKernelNotes(options.kernelNotes, notesFile);
  problems.push(...notes.problems);
  const records: FeatureRecord[] = [];
  for (const name of candidates) {
    const c = result.get(name);
    const record = c && makeRecord(name, c, evidence, notes.notes.get(name));
    if (record) records.push(record);
  }
  for (const name of notes.notes.keys()) if (!result.has(name)) problems.push(`${notesFile}: ${name}: not a feature rustc ${rustc.version} knows; note not merged`);
  say(`${records.length} features (${records.filter((r) => r.kind === 'lang').length} lang, ${records.filter((r) => r.kind === 'lib').length} lib)`);

  const text = serializeDatabase({ rustc: rustc.version, rustcVersionLine: rustc.versionLine, schema: 1 }, records, [
    `Feature gates known to ${rustc.versionLine}.`,
    'Generated by `rfl-lens db build`; do not edit by hand. Kernel facts live in data/kernel-notes.toml',
    'and are merged on every build.',
  ]);
  return { text, records, candidates: candidates.length, problems };
}

/** The database text for a toolchain (see generateDatabase for the details and statistics). */
export async function buildDatabase(options: BuildOptions = {}): Promise<string> {
  return (await generateDatabase(options)).text;
}
