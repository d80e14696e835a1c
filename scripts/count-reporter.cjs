// Mocha reporter: mocha's spec output for people, plus a JSON line of counts for scripts/test.mjs.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = process.env.RFL_TEST_COUNTS;
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats ?? {};
      const counts = { passed: s.passes ?? 0, failed: s.failures ?? 0, skipped: s.pending ?? 0 };
      if (out) fs.writeFileSync(out, JSON.stringify(counts));
    });
  }
}
module.exports = CountReporter;
