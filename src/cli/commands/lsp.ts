import { EXIT } from "../io";
import { runLanguageServer } from "../language-server";
import type { Command } from "./command";

export const lsp: Command = {
  name: "lsp",
  summary:
    "Run the language server, for editors: diagnostics of the config each open file heads (its extends chain merged, open buffers read before the disk), hover, completion, quick fixes and go to definition.",
  options: {
    stdio: { type: "boolean", description: "talk the Language Server Protocol over standard input and output (what editors pass; the default)" },
  },
  help: `
The server speaks over standard input and output until the editor ends it.
Setup for Neovim, Helix, Emacs and VS Code: docs/editors.md in the package.
`,
  run() {
    runLanguageServer();
    return EXIT.valid;
  },
};
