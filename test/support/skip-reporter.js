/**
 * Prints every skipped test with its title, which carries the reason: jest's default
 * reporter only counts them, and drops the console output of a file whose tests all skip.
 */
class SkipReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.testResults.flatMap((file) =>
      file.testResults.filter((test) => test.status === "pending").map((test) => test.fullName),
    );
    for (const name of skipped) process.stderr.write(`skipped: ${name}\n`);
  }
}

module.exports = SkipReporter;
