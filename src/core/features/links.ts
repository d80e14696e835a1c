/** The web addresses a feature record points to. One choice per kind of link, used everywhere. */
import type { FeatureKind } from './types';

export function trackingIssueUrl(issue: number): string {
  return `https://github.com/rust-lang/rust/issues/${issue}`;
}

/** The nightly unstable book page; its file name is the feature name with dashes. */
export function unstableBookUrl(name: string, kind: FeatureKind): string {
  const folder = kind === 'lang' ? 'language-features' : 'library-features';
  return `https://doc.rust-lang.org/nightly/unstable-book/${folder}/${name.replace(/_/g, '-')}.html`;
}

/** Release notes of a Rust release, by its tag on GitHub (tags exist for every release). */
export function releaseNotesUrl(version: string): string {
  return `https://github.com/rust-lang/rust/releases/tag/${version}`;
}
