import * as fs from "node:fs";
import * as path from "node:path";
import { FileChangeType, type Diagnostic, type MarkupContent, type TextEdit } from "vscode-languageserver-protocol/node";
import { applied, CLIENT_CAPABILITIES, LspClient, uriOf } from "../support/lsp-client";
import { tempDir } from "../support/temp-dir";
import { where } from "../support/where";

/**
 * The server as editors run it: `burn-dragon-schema lsp --stdio`, a child process, driven over
 * stdio by vscode-languageserver-protocol's connection, as VS Code's client is.
 */
const BASE = '[model.quant]\nenable = true\ntraining_mode = "train_kernel_exp"\nprotocol = "bitnet_b158"\n';
const CHILD = 'extends = "base.toml"\n\n[model.quant.saved_activations]\nmode = "quantized_cache_exp"\n';

const said = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.message as string);
const lsp = (at: { line: number; column: number }) => ({ line: at.line - 1, character: at.column - 1 });

describe("one server, a chain of files", () => {
  let client: LspClient;
  let dir: string;
  let base: string;
  let child: string;

  beforeAll(async () => {
    dir = fs.realpathSync.native(tempDir({ "base.toml": BASE, "child.toml": CHILD }));
    [base, child] = [path.join(dir, "base.toml"), path.join(dir, "child.toml")];
    client = await LspClient.start(dir);
  });

  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  test("the server asks to be told of changes to config files on disk", async () => {
    await client.registration;
    expect(client.registrations).toEqual([
      expect.objectContaining({ method: "workspace/didChangeWatchedFiles", registerOptions: { watchers: [{ globPattern: "**/*.{toml,json,yaml,yml}" }] } }),
    ]);
  });

  test("a child that relies on its base shows no error", async () => {
    expect(await client.open(child)).toEqual([]);
  });

  test("a base edited while its child is open: the child's diagnostics follow the unsaved text", async () => {
    expect(await client.open(base)).toEqual([]);
    const broken = BASE.replace("enable = true", "enable = false");
    const onChild = await client.change(base, broken, child);
    const mode = where(CHILD, "mode =");
    expect(onChild).toEqual([
      expect.objectContaining({ message: "model.quant.saved_activations.mode requires model.quant.enable = true", code: "first-error", severity: 1, range: expect.objectContaining({ start: lsp({ ...mode, column: mode.column + 7 }) }) }),
    ]);
    expect(said(await client.change(base, BASE, child))).toEqual([]);
  });

  test("a base changed on disk, told by the client's file watching: the open child follows", async () => {
    await client.close(base);
    fs.writeFileSync(base, BASE.replace('"bitnet_b158"', '"none"'));
    const onChild = await client.filesChanged([{ file: base, type: FileChangeType.Changed }], child);
    const protocol = where(BASE, "protocol");
    expect(said(onChild)).toEqual([`base.toml:${protocol.line}:${protocol.column}: model.quant.protocol must not be "none" when model.quant.enable = true`]);
    expect(onChild[0].relatedInformation?.[0].location.uri).toBe(uriOf(base));
    fs.writeFileSync(base, BASE);
    expect(await client.filesChanged([{ file: base, type: FileChangeType.Changed }], child)).toEqual([]);
  });

  test("a missing base and a cycle typed key by key: a diagnostic after each keystroke, the server never stops", async () => {
    const entry = where(CHILD, "base.toml");
    // Delete `base.toml` from the end, then type `child.toml`: every text in between is published.
    let text = CHILD;
    const seen: string[][] = [];
    for (let i = "base.toml".length; i > 0; i--) {
      const at = lsp({ line: entry.line, column: entry.column + i - 1 });
      text = applied(text, [{ range: { start: at, end: { ...at, character: at.character + 1 } }, newText: "" }]);
      seen.push(said(await client.edit(child, { start: at, end: { ...at, character: at.character + 1 } }, "")));
    }
    for (const [i, letter] of [..."child.toml"].entries()) {
      const at = lsp({ line: entry.line, column: entry.column + i });
      text = applied(text, [{ range: { start: at, end: at }, newText: letter }]);
      seen.push(said(await client.edit(child, { start: at, end: at }, letter)));
    }
    expect(text).toBe(CHILD.replace("base.toml", "child.toml"));
    expect(seen.every((messages) => messages.length === 1)).toBe(true);
    expect(seen[0][0]).toMatch(/^extends "base\.tom": cannot read .*base\.tom: no such file$/);
    expect(seen[seen.length - 1]).toEqual([`config extends cycle detected: ${child} -> ${child}`]);
    expect(said(await client.change(child, CHILD))).toEqual([]);
  });

  test("malformed text mid-typing: a syntax diagnostic, and the server answers on", async () => {
    const onChild = await client.change(child, `${CHILD}[model.rho\n`);
    expect(said(onChild)).toEqual([expect.stringMatching(/^invalid TOML: /)]);
    expect(await client.hover(child, 3, 1)).toBeNull();
    expect(said(await client.change(child, CHILD))).toEqual([]);
  });

  test("a large buffer gets one diagnostic saying why", async () => {
    const big = path.join(dir, "big.toml");
    const diagnostics = await client.open(big, `[model.quant]\n# ${"x".repeat(300 * 1024)}\n`);
    expect(said(diagnostics)).toEqual(["cannot read: it is 301 KB, over the 256 KB limit for a config file"]);
    await client.close(big);
  });

  test("a file whose extension does not tell is read in the language the editor gives it", async () => {
    const conf = path.join(dir, "run.conf");
    const text = 'extends = "base.toml"\n[model.quant]\nprotocol = "BitNet_B158"\n';
    expect(said(await client.open(conf, text, "toml"))).toEqual([expect.stringContaining("did you mean `bitnet_b158`?")]);
    await client.close(conf);
    expect(said(await client.open(conf, text, "plaintext"))).toEqual([expect.stringMatching(/^cannot check: unknown file type/)]);
    await client.close(conf);
  });

  test("a file that is not a config gets nothing", async () => {
    const cargo = path.join(dir, "Cargo.toml");
    expect(await client.open(cargo, '[package]\nname = "x"\n')).toEqual([]);
    await client.close(cargo);
  });

  test("hover: the field, the value and where it was set", async () => {
    const hover = await client.hover(child, 3, 2);
    const text = (hover?.contents as MarkupContent).value;
    expect(text).toContain("**model.quant.saved_activations.mode**");
    expect(text).toContain('Here: `"quantized_cache_exp"`, set at `child.toml:4:1`');
  });

  test("completion: the values of a field, with their descriptions", async () => {
    await client.change(child, `${CHILD}\n[model.rho]\nprecision = `);
    const items = await client.completion(child, 6, "precision = ".length);
    expect(items.map((item) => item.label)).toEqual(["fp32", "bf16", "fp8_exp", "int8_block_exp", "blockfp8_exp", "sparse_tile_exp"]);
    expect(items.every((item) => typeof (item.documentation as MarkupContent).value === "string")).toBe(true);
    await client.change(child, CHILD);
  });

  test("a code action fixes a misspelt variant, and its diagnostic goes", async () => {
    const text = CHILD.replace('"quantized_cache_exp"', '"Quantized_Cache_Exp"');
    const diagnostics = await client.change(child, text);
    expect(diagnostics).toHaveLength(1);
    const [action] = await client.codeActions(child, diagnostics[0].range, diagnostics);
    expect(action).toMatchObject({ kind: "quickfix", isPreferred: true, title: "write `quantized_cache_exp`" });
    const edits = action.edit!.changes![uriOf(child)] as TextEdit[];
    expect(await client.change(child, applied(text, edits))).toEqual([]);
  });

  test("go to definition: an extends entry opens the base; a key goes to where its value was set", async () => {
    expect((await client.definition(child, 0, 13)).map((location) => location.uri)).toEqual([uriOf(base)]);
    await client.change(child, `${CHILD}[model.quant]\nprotocol = "bitnet_b1"\n`);
    const [protocol] = await client.definition(child, 5, 2);
    expect([protocol.uri, protocol.range.start.line]).toEqual([uriOf(child), 5]);
    await client.change(child, CHILD);
  });

  test("the server is still running after all of it", () => {
    expect(client.running).toBe(true);
    expect(client.stderr.join("")).toBe("");
  });
});

test("a client that does not watch files: the server watches the bases of open configs itself", async () => {
  const dir = fs.realpathSync.native(tempDir({ "shared/base.toml": BASE, "child.toml": CHILD.replace("base.toml", "shared/base.toml") }));
  const { workspace: _, ...capabilities } = CLIENT_CAPABILITIES;
  const client = await LspClient.start(dir, { capabilities });
  const [base, child] = [path.join(dir, "shared/base.toml"), path.join(dir, "child.toml")];
  expect(await client.open(child)).toEqual([]);
  expect(client.registrations).toEqual([]);
  const next = client.next(child);
  fs.writeFileSync(base, BASE.replace("enable = true", "enable = false"));
  const onChild = await next;
  expect(said(onChild)).toEqual(["model.quant.saved_activations.mode requires model.quant.enable = true"]);
  expect(await client.stop()).toBe(0);
});

test("`lsp` without --stdio talks over stdio too", async () => {
  const dir = fs.realpathSync.native(tempDir({ "run.toml": '[model.quant]\nprotocol = "BitNet_B158"\n' }));
  const client = await LspClient.start(dir, { args: ["lsp"] });
  expect(said(await client.open(path.join(dir, "run.toml")))).toEqual([expect.stringContaining("did you mean `bitnet_b158`?")]);
  expect(await client.stop()).toBe(0);
});
