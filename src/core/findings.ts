/** Findings: the plain data every analysis produces and every face (CLI, LSP, report) renders. */
import type { Code, Severity } from './codes';
import type { Span } from './positions';

/** A text edit in UTF-16 offsets of the analysed text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix computed during analysis; the server turns it into a code action. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Whether this is the one obvious fix (LSP `isPreferred`). */
  readonly preferred?: boolean;
}

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  readonly fixes?: readonly Fix[];
  /** Extra facts a face may show (e.g. the feature name). */
  readonly data?: Readonly<Record<string, string>>;
}
