/**
 * Every diagnostic RFL Lens reports: its code (as in shared/DESIGN.md), default severity, the
 * rustc/clippy behaviour it mirrors and where it is documented. CLI text, JSON, SARIF and LSP all
 * read from this table; no code string is written anywhere else.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

export interface CodeInfo {
  readonly severity: Severity;
  /** The rustc/clippy lint or error this code mirrors, if any. */
  readonly mirrors?: string;
  /** One-line summary used in SARIF rule metadata and the report. */
  readonly summary: string;
  /** Documentation of the mirrored lint or error. */
  readonly docs?: string;
  readonly family: 'safety' | 'feature';
}

const CLIPPY = 'https://rust-lang.github.io/rust-clippy/master/index.html#';
const RUSTC_ERR = 'https://doc.rust-lang.org/error_codes/';
const RUSTC_LINT = 'https://doc.rust-lang.org/rustc/lints/listing/';

export const CODES = {
  'missing-safety-comment': {
    severity: 'warning',
    mirrors: 'clippy::undocumented_unsafe_blocks',
    summary: 'unsafe block or `unsafe impl` without a `// SAFETY:` comment',
    docs: `${CLIPPY}undocumented_unsafe_blocks`,
    family: 'safety',
  },
  'missing-safety-doc': {
    severity: 'warning',
    mirrors: 'clippy::missing_safety_doc',
    summary: 'unsafe fn or unsafe trait without a `# Safety` section in its docs',
    docs: `${CLIPPY}missing_safety_doc`,
    family: 'safety',
  },
  'unnecessary-safety-comment': {
    severity: 'warning',
    mirrors: 'clippy::unnecessary_safety_comment',
    summary: '`// SAFETY:` comment on code that is not unsafe',
    docs: `${CLIPPY}unnecessary_safety_comment`,
    family: 'safety',
  },
  'unnecessary-safety-doc': {
    severity: 'warning',
    mirrors: 'clippy::unnecessary_safety_doc',
    summary: '`# Safety` section on a safe fn or trait',
    docs: `${CLIPPY}unnecessary_safety_doc`,
    family: 'safety',
  },
  'safety-comment-placeholder': {
    severity: 'information',
    summary: '`// SAFETY: TODO.` placeholder left in the code',
    family: 'safety',
  },
  'safety-comment-style': {
    severity: 'hint',
    summary: 'SAFETY comment not in kernel style (uppercase `SAFETY:`, sentence ending in a period)',
    family: 'safety',
  },
  'unknown-feature': {
    severity: 'error',
    mirrors: 'rustc E0635',
    summary: 'unknown feature gate',
    docs: `${RUSTC_ERR}E0635.html`,
    family: 'feature',
  },
  'removed-feature': {
    severity: 'error',
    mirrors: 'rustc E0557',
    summary: 'feature gate that has been removed',
    docs: `${RUSTC_ERR}E0557.html`,
    family: 'feature',
  },
  'incomplete-feature': {
    severity: 'warning',
    mirrors: 'rustc incomplete_features',
    summary: 'feature gate that rustc marks incomplete',
    docs: `${RUSTC_LINT}warn-by-default.html#incomplete-features`,
    family: 'feature',
  },
  'internal-feature': {
    severity: 'warning',
    mirrors: 'rustc internal_features',
    summary: 'feature gate internal to the compiler or standard library',
    docs: `${RUSTC_LINT}warn-by-default.html#internal-features`,
    family: 'feature',
  },
  'stable-feature': {
    severity: 'hint',
    mirrors: 'rustc stable_features',
    summary: 'feature gate for a feature that is stable',
    docs: `${RUSTC_LINT}warn-by-default.html#stable-features`,
    family: 'feature',
  },
  'duplicate-feature': {
    severity: 'error',
    mirrors: 'rustc E0636',
    summary: 'feature gate enabled more than once',
    docs: `${RUSTC_ERR}E0636.html`,
    family: 'feature',
  },
  'feature-not-allowed': {
    severity: 'error',
    mirrors: 'kbuild -Zallow-features',
    summary: 'feature gate not on the kernel allow-list for code outside rust/',
    family: 'feature',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CODES, value);
}

export function codeInfo(code: Code): CodeInfo {
  return CODES[code];
}
