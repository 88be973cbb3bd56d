import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../../dist/cli/main";
import { cliCommand } from "../support/cli";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

/**
 * Debian's Neovim (0.7.2, `apt-get install neovim`) with its built-in LSP client, headless,
 * runs `test/server/neovim.lua` on a chain of three files: the script asserts what Neovim shows
 * at each step against what the command line says of the same files saved (written into the
 * spec here), a hover, a completion, and a code action applied.
 */
const probe = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const version = /NVIM v(\d+)\.(\d+)/.exec(probe.stdout ?? "");
const unavailable = probe.error
  ? `Neovim is not installed (${probe.error.message}; apt-get install neovim)`
  : version === null || Number(version[1]) === 0 && Number(version[2]) < 7
    ? `Neovim ${probe.stdout.split("\n")[0]} has no LSP client of 0.7's (apt-get install neovim)`
    : null;

interface CliIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What `validate --format json` says of a file, as the server words it there: an issue set in a base named by its place. */
function messagesOf(file: string): string[] {
  let out = "";
  main(["validate", "--format", "json", file], { out: (text) => void (out += text), err: () => undefined });
  const [report] = JSON.parse(out).files as { errors?: CliIssue[]; warnings?: CliIssue[] }[];
  return [...(report.errors ?? []), ...(report.warnings ?? [])].map((issue) => {
    const setIn = fs.realpathSync.native(path.resolve(issue.file));
    return setIn === file ? issue.message : `${path.relative(path.dirname(file), setIn)}:${issue.line}:${issue.column}: ${issue.message}`;
  });
}

/** Where `resolve --origins` says a value of `file`'s config was set, named from `file`'s folder. */
function origin(file: string, name: string): string {
  let out = "";
  main(["resolve", "--origins", file], { out: (text) => void (out += text), err: () => undefined });
  const [, shown, place] = new RegExp(`^(.*):(\\d+:\\d+): ${name.replace(/\./g, "\\.")} = `, "m").exec(out)!;
  return `${path.relative(path.dirname(file), fs.realpathSync.native(path.resolve(shown)))}:${place}`;
}

const schema = JSON.parse(fs.readFileSync(path.join(PROJECT, "schema/burn-dragon-config.schema.json"), "utf8"));

const TEXTS = {
  base: '[model.quant]\nenable = true\ntraining_mode = "train_kernel_exp"\nprotocol = "bitnet_b158"\n',
  stage: 'extends = "shared/base.toml"\n\n[model.rho]\nprecision = "bf16"\n',
  child: 'extends = ["../stage.toml"]\n\n[model.quant.saved_activations]\nmode = "quantized_cache_exp"\n',
};

if (unavailable) {
  test.skip(`Neovim's LSP client (skipped: ${unavailable})`, () => undefined);
} else {
  test("Neovim opens a chain: no error where the child relies on its base, a base change in the open child, a hover, a completion, a quick fix", () => {
    const dir = fs.realpathSync.native(tempDir({ "shared/base.toml": TEXTS.base, "stage.toml": TEXTS.stage, "runs/child.toml": TEXTS.child }));
    const [base, child] = [path.join(dir, "shared/base.toml"), path.join(dir, "runs/child.toml")];
    const texts = {
      base: TEXTS.base,
      base_broken: TEXTS.base.replace("enable = true", "enable = false"),
      completing: `${TEXTS.child}\n[model.quant]\nprotocol = "`,
      misspelt: TEXTS.child.replace('"quantized_cache_exp"', '"quantized_cache_Exp"'),
      fixed: TEXTS.child,
    };
    /** What the command line says of the child with each text saved (the base's broken one for that state). */
    const said = (childText: string, baseText = TEXTS.base) => {
      fs.writeFileSync(base, baseText);
      fs.writeFileSync(child, childText);
      return messagesOf(child);
    };
    const states = {
      relies: said(TEXTS.child),
      base_broken: said(TEXTS.child, texts.base_broken),
      misspelt: said(texts.misspelt),
      relies_fixed: said(TEXTS.child),
    };
    expect(states.relies).toEqual([]);
    expect(states.base_broken).toHaveLength(1);
    expect(states.misspelt).toEqual([expect.stringContaining("did you mean `quantized_cache_exp`?")]);
    const spec = {
      command: cliCommand(["lsp", "--stdio"]),
      dir,
      base,
      child,
      texts,
      states,
      hover: { position: { line: 3, character: 1 }, contains: `set at \`${origin(child, "model.quant.saved_activations.mode")}\`` },
      completion: { position: { line: 6, character: 'protocol = "'.length }, labels: schema.definitions.LowBitQuantizationConfig.properties.protocol.enum },
    };
    fs.writeFileSync(path.join(dir, "spec.json"), JSON.stringify(spec));
    const result = path.join(dir, "result.json");
    const run = spawnSync("nvim", ["--headless", "--clean", "-u", "NONE", "-c", `luafile ${path.join(PROJECT, "test/server/neovim.lua")}`], {
      cwd: dir,
      env: { ...process.env, SPEC: path.join(dir, "spec.json"), RESULT: result },
      encoding: "utf8",
      timeout: 120_000,
    });
    const seen = fs.existsSync(result) ? JSON.parse(fs.readFileSync(result, "utf8")) : { ok: false, error: `no result; nvim said: ${run.stdout}${run.stderr}` };
    expect(seen.error).toBeNull();
    expect(run.status).toBe(0);
    expect(seen.steps.map((step: { step: string }) => step.step)).toEqual([
      "the child relying on its base",
      "the child after its base changed",
      "the child after its base changed back",
      "the child with a misspelt variant",
      "the child once the fix is applied",
    ]);
    expect(seen.fixed).toBe(TEXTS.child);
  });
}
