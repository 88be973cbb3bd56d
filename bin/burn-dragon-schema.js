#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../dist/cli/bin.js");
} catch (error) {
  // A source checkout before `npm run build`: say so instead of a module-loader trace.
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).split("\n")[0].includes("dist/cli/bin.js")) {
    process.stderr.write("burn-dragon-schema: the package is not built (dist/ is missing): run `npm run build`\n");
    process.exit(2);
  }
  throw error;
}
process.exitCode = cli.main(process.argv.slice(2));
