// Mocha reporter: the spec reporter's output, plus the counts written to the
// file named by COUNT_FILE so test/run-all.mjs can add up every stage.
const fs = require('node:fs');
const Mocha = require('mocha');
const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    runner.on(EVENT_TEST_PASS, () => counts.passed++);
    runner.on(EVENT_TEST_FAIL, () => counts.failed++);
    runner.on(EVENT_TEST_PENDING, () => counts.skipped++);
    runner.once(EVENT_RUN_END, () => {
      if (process.env.COUNT_FILE) fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify(counts));
    });
  }
}
module.exports = CountReporter;
