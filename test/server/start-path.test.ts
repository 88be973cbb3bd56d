import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cliCommand } from "../support/cli";
import { PROJECT } from "../support/project";
import { tempDir } from "../support/temp-dir";

/** A module the command line loads, written to stderr as the process exits (a preload's view of the module cache). */
const REPORT_LOADED = `process.on("exit", () => require("fs").writeSync(2, "\\nLOADED " + JSON.stringify(Object.keys(require.cache)) + "\\n"));`;

function loadedBy(args: string[], input?: string): string[] {
  const dir = tempDir({ "run.toml": '[model.quant]\nenable = true\nprotocol = "bitnet_b158"\n', "preload.js": REPORT_LOADED });
  const [node, ...rest] = cliCommand(args);
  const run = spawnSync(node, ["--require", path.join(dir, "preload.js"), ...rest], { cwd: dir, input, encoding: "utf8" });
  const line = run.stderr.split("\n").find((text) => text.startsWith("LOADED "));
  if (line === undefined) throw new Error(`no module list: ${run.stderr}`);
  return JSON.parse(line.slice("LOADED ".length)) as string[];
}

const SERVER_CODE = /[\\/](node_modules[\\/]vscode-|dist[\\/](server|languageservice)[\\/])/;

test("validate never loads the language server, its service or vscode-languageserver", () => {
  const loaded = loadedBy(["validate", "run.toml"]);
  expect(loaded.some((file) => file.endsWith(path.join("dist", "cli", "bin.js")))).toBe(true);
  expect(loaded.filter((file) => SERVER_CODE.test(file))).toEqual([]);
});

test("lsp loads them, from dist/server beside the bundle", () => {
  const exit = [
    { jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } },
    { jsonrpc: "2.0", id: 2, method: "shutdown" },
    { jsonrpc: "2.0", method: "exit" },
  ]
    .map((message) => JSON.stringify(message))
    .map((body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    .join("");
  const loaded = loadedBy(["lsp", "--stdio"], exit);
  expect(loaded).toContain(path.join(PROJECT, "dist/server/server.js"));
  expect(loaded.some((file) => /node_modules[\\/]vscode-languageserver[\\/]/.test(file))).toBe(true);
});

test("the command line's bundle holds none of the server's code", () => {
  const bundle = fs.readFileSync(path.join(PROJECT, "dist/cli/bin.js"), "utf8");
  expect(bundle).toContain('require("./../server/server.js")');
  expect(bundle).not.toMatch(/createConnection|vscode-languageserver|TextDocumentSyncKind/);
});
