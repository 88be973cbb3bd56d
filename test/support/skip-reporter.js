const path = require("node:path");

/**
 * Prints one line per skipped suite at the end of a run, with the suite's title, which
 * carries the reason, and how many cases it holds: jest's default reporter only counts
 * skipped tests, and drops the console output of a file whose tests all skip. A suite is a
 * file's outermost `describe` (or a lone skipped test). A run narrowed with `-t` skips
 * what does not match by request, and says nothing about it.
 */
class SkipReporter {
  constructor(globalConfig) {
    this.narrowed = Boolean(globalConfig.testNamePattern);
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    if (this.narrowed) return;
    const files = [...results.testResults].sort((a, b) => a.testFilePath.localeCompare(b.testFilePath));
    for (const file of files) {
      const suites = new Map();
      for (const test of file.testResults) {
        if (test.status !== "pending") continue;
        const title = test.ancestorTitles[0] ?? test.title;
        suites.set(title, (suites.get(title) ?? 0) + 1);
      }
      const name = path.relative(this.rootDir, file.testFilePath);
      for (const [title, count] of suites) {
        const cases = count === 1 ? "" : ` (${count} cases)`;
        process.stderr.write(`skipped: ${name}: ${oneLine(title)}${cases}\n`);
      }
    }
  }
}

/** A title on one line: a reason quoting a multi-line message keeps its first and last lines. */
function oneLine(title) {
  const lines = title.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return lines.length <= 2 ? lines.join(" ") : `${lines[0]} … ${lines[lines.length - 1]}`;
}

module.exports = SkipReporter;
