/**
 * Starts the language server on standard input and output. Its code, and vscode-languageserver's,
 * are loaded here and only here: no other command reads them, and the command line's bundle
 * leaves them out (`dist/server/` stands beside `dist/cli/`).
 */
export function runLanguageServer(): void {
  const { startServer } = require("../server/server") as typeof import("../server/server");
  startServer({ input: process.stdin, output: process.stdout });
}
