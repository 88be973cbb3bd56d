import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { cli } from "../support/cli";
import { LspClient } from "../support/lsp-client";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

/**
 * docs/editors.md as a user follows it (its `$` blocks are run by test/docs/examples.test.ts):
 * its example the files of `examples/editors/`, what it says the server publishes for them
 * compared with what the server publishes, its claims about taplo checked with taplo, and its
 * Neovim and Emacs snippets loaded into Debian's Neovim and Emacs.
 */
const DOC = fs.readFileSync(path.join(PROJECT, "docs/editors.md"), "utf8");

interface Block {
  lang: string;
  lines: string[];
  /** The heading the block stands under. */
  section: string;
}

const blocks: Block[] = [];
{
  let section = "";
  let open: Block | undefined;
  for (const line of DOC.split("\n")) {
    if (open) {
      if (line === "```") {
        blocks.push(open);
        open = undefined;
      } else open.lines.push(line);
    } else if (line.startsWith("```")) open = { lang: line.slice(3), lines: [], section };
    else if (line.startsWith("#")) section = line.replace(/^#+ /, "");
  }
}

const single = (predicate: (block: Block) => boolean, what: string): Block => {
  const found = blocks.filter(predicate);
  if (found.length !== 1) throw new Error(`docs/editors.md has ${found.length} blocks of ${what}`);
  return found[0];
};

/** The example's files, as the page shows them. */
const EXAMPLES = path.join(PROJECT, "examples/editors");
const EXAMPLE = Object.fromEntries(["shared/bitnet.toml", "runs/run.toml"].map((name) => [name, fs.readFileSync(path.join(EXAMPLES, name), "utf8")]));
const PUBLISHED = single((block) => block.lines[0]?.includes("[first-error]"), "what the server publishes");

/** A folder with the example's files where the page has them, and a `burn-dragon-schema` on a PATH of its own, as a global install gives. */
function example(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = fs.realpathSync.native(tempDir(Object.fromEntries(Object.entries(EXAMPLE).map(([name, text]) => [`examples/editors/${name}`, text]))));
  const bin = path.join(dir, ".bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, "burn-dragon-schema"), `#!/bin/sh\nexec "${process.execPath}" "${path.join(PROJECT, "bin/burn-dragon-schema.js")}" "$@"\n`, { mode: 0o755 });
  return { dir, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } };
}

/** A diagnostic as the page writes it: `file:line:column: severity [code]: message`. */
function written(dir: string, file: string, d: Diagnostic): string {
  const severity = d.severity === 1 ? "error" : "warning";
  return `${path.relative(dir, file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}${d.code ? ` [${d.code}]` : ""}: ${d.message as string}`;
}

test("the page shows the example's files as they are", () => {
  for (const text of Object.values(EXAMPLE)) expect(blocks.some((block) => block.lang === "toml" && `${block.lines.join("\n")}\n` === text)).toBe(true);
});

test("burn-dragon-schema lsp --stdio, both files open: what the page says it publishes", async () => {
  const { dir } = example();
  const command = single((block) => block.lines[0]?.startsWith("$ burn-dragon-schema lsp"), "the server's command").lines[0];
  const client = await LspClient.start(dir, { args: command.split(" ").slice(2) });
  const [run, base] = [path.join(dir, "examples/editors/runs/run.toml"), path.join(dir, "examples/editors/shared/bitnet.toml")];
  await client.open(run);
  const onBase = await client.open(base);
  const onRun = client.diagnostics(run)!;
  expect([...onRun.map((d) => written(dir, run, d)), ...onBase.map((d) => written(dir, base, d))]).toEqual(PUBLISHED.lines);
  expect(await client.stop()).toBe(0);
});

describe("what the page says of taplo, checked with taplo", () => {
  const taplo = path.join(PROJECT, "node_modules/.bin/taplo");
  const lint = (dir: string, file: string) => spawnSync(taplo, ["lint", "--colors", "never", file], { cwd: dir, encoding: "utf8" });

  test("a per-file check of the run marks the mode the base makes valid", () => {
    const { dir } = example();
    const schema = path.relative(path.join(dir, "examples/editors/runs"), path.join(PROJECT, "schema/burn-dragon-config.schema.json"));
    fs.writeFileSync(path.join(dir, "examples/editors/runs/alone.toml"), `#:schema ${schema}\n${EXAMPLE["runs/run.toml"]}`);
    const run = lint(dir, "examples/editors/runs/alone.toml");
    expect(run.stderr + run.stdout).toContain("model.quant.saved_activations.mode requires model.quant.enable = true");
    expect(DOC).toContain("taplo marks it\n`model.quant.saved_activations.mode requires model.quant.enable = true`");
  });

  test("taplo 0.9 refuses an inline table over several lines, which the trainer reads", () => {
    expect(spawnSync(taplo, ["--version"], { encoding: "utf8" }).stdout).toMatch(/^taplo 0\.9\./);
    const dir = tempDir({ "spread.toml": '[model]\nquant = {\n  enable = true,\n  protocol = "bitnet_b158",\n}\n' });
    const run = lint(dir, "spread.toml");
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain("newline is not allowed in an inline table");
    expect(cli(["validate", "spread.toml"], dir).status).toBe(0);
  });
});

const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const nvimMissing = nvim.error ? `Neovim is not installed (${nvim.error.message}; apt-get install neovim)` : null;

if (nvimMissing) {
  test.skip(`the Neovim snippet (skipped: ${nvimMissing})`, () => undefined);
} else {
  test("the Neovim snippet, as init.lua: Neovim shows the run's diagnostic", () => {
    const { dir, env } = example();
    const snippet = single((block) => block.lang === "lua" && block.section.startsWith("The built-in client"), "the built-in client's snippet");
    fs.writeFileSync(path.join(dir, "init.lua"), snippet.lines.join("\n"));
    fs.writeFileSync(
      path.join(dir, "check.lua"),
      `local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out, { line = d.lnum, col = d.col, message = d.message, code = d.code }) end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, diagnostics = out }) }, os.getenv("RESULT"))
vim.cmd("qall!")
`,
    );
    const result = path.join(dir, "result.json");
    const run = spawnSync("nvim", ["--headless", "--clean", "-u", "init.lua", "-c", "luafile check.lua", "examples/editors/runs/run.toml"], { cwd: dir, env: { ...env, RESULT: result }, encoding: "utf8", timeout: 60_000 });
    expect(fs.existsSync(result) ? "" : run.stdout + run.stderr).toBe("");
    const seen = JSON.parse(fs.readFileSync(result, "utf8")) as { ok: boolean; diagnostics: { line: number; col: number; message: string; code: string }[] };
    expect(seen.ok).toBe(true);
    const shown = seen.diagnostics.map((d) => `examples/editors/runs/run.toml:${d.line + 1}:${d.col + 1}: error [${d.code}]: ${d.message}`);
    expect(shown).toEqual(PUBLISHED.lines.filter((line) => line.startsWith("examples/editors/runs/run.toml:")));
  });
}

const emacs = spawnSync("emacs", ["--batch", "-q", "--eval", "(progn (require 'eglot) (princ (featurep 'eglot)))"], { encoding: "utf8" });
const emacsMissing = emacs.error
  ? `Emacs is not installed (${emacs.error.message}; apt-get install emacs-nox elpa-eglot)`
  : emacs.status !== 0
    ? `Emacs has no eglot (${emacs.stderr.trim().split("\n").pop()}; apt-get install elpa-eglot)`
    : null;

if (emacsMissing) {
  test.skip(`the Emacs snippet (skipped: ${emacsMissing})`, () => undefined);
} else {
  test("the Emacs snippet, in emacs --batch with eglot: flymake shows the run's diagnostic", () => {
    const { dir, env } = example();
    const snippet = single((block) => block.lang === "elisp", "the Emacs snippet");
    fs.writeFileSync(path.join(dir, "snippet.el"), snippet.lines.join("\n"));
    // What a user's first command does after opening the file: eglot-ensure connects on the command loop's hook.
    fs.writeFileSync(
      path.join(dir, "check.el"),
      `(require 'eglot)
(find-file "examples/editors/runs/run.toml")
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 20)))
  (while (and (< (float-time) deadline) (null (flymake-diagnostics)))
    (accept-process-output nil 0.05)))
(dolist (d (flymake-diagnostics))
  (princ (format "examples/editors/runs/run.toml:%d:%d: %s\\n" (line-number-at-pos (flymake-diagnostic-beg d))
                 (save-excursion (goto-char (flymake-diagnostic-beg d)) (1+ (current-column)))
                 (flymake-diagnostic-text d))))
(eglot-shutdown (eglot-current-server) nil 1)
(kill-emacs 0)
`,
    );
    const run = spawnSync("emacs", ["--batch", "-q", "-l", "snippet.el", "-l", "check.el"], { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
    const expected = PUBLISHED.lines.filter((line) => line.startsWith("examples/editors/runs/run.toml:")).map((line) => line.replace(/: error \[first-error\]: /, ": burn-dragon-schema [first-error]: "));
    expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
  });
}
