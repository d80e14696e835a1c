import assert from 'node:assert/strict';
import { scanRustdocPage, scanSourcePage, type LibraryMention } from '../../../../src/core/features/sources/rustdocHtml';

describe('features/sources/rustdocHtml', () => {
  it('reads nightly-only markers with their tracking issues', () => {
    const html =
      '<span class="item-info"><div class="stab unstable"><span class="emoji">🔬</span><span>This is a nightly-only experimental API. (<code>ptr_as_uninit</code>&nbsp;<a href="https://github.com/rust-lang/rust/issues/75402">#75402</a>)</span></div>' +
      '<div class="stab unstable"><span>This is a nightly-only experimental API. (<code>no_issue_here</code>)</span></div>';
    const found = new Map<string, LibraryMention>();
    scanRustdocPage(html, found);
    assert.deepEqual(Object.fromEntries(found), { ptr_as_uninit: { trackingIssue: 75402 }, no_issue_here: {} });
  });

  it('reads stability attributes out of rendered sources', () => {
    const html =
      '<span class="attr">#[stable(feature = <span class="string">"nonnull"</span>, since = <span class="string">"1.25.0"</span>)]</span>\n' +
      '<span class="attr">#[unstable(feature = <span class="string">"ptr_cast_array"</span>, issue = <span class="string">"144514"</span>)]</span>\n' +
      '<span class="attr">#[rustc_const_unstable(feature = <span class="string">"const_thing"</span>, issue = <span class="string">"none"</span>)]</span>\n' +
      '<span class="attr">#[unstable(feature = <span class="string">"zero_issue"</span>,\n    issue = <span class="string">"0"</span>)]</span>';
    const found = new Map<string, LibraryMention>();
    scanSourcePage(html, found);
    assert.deepEqual(Object.fromEntries(found), { nonnull: {}, ptr_cast_array: { trackingIssue: 144514 }, const_thing: {}, zero_issue: {} });
  });
});
