import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import { ROOT } from "./paths";
import type * as Server from "../src/server/server";

/**
 * The language server's own time after an edit: how long from a `didChange` notification's
 * arrival to the diagnostics sent for every open file it touches, in a chain of four files, all
 * four open. The server runs in this process on in-memory streams, and tells the time itself
 * (`onPublished`, timed in its handler with `performance.now()`): the client's reading and the
 * streams are outside the measure. Each edit is one keystroke in turn in each file of the chain,
 * the root base's touching all four configs; the figure is the median.
 */
const EDITS = Number(process.env.BENCH_LSP_EDITS ?? 400);
const WARM_UP = 40;
export const LSP_BOUND_MS = 30;

export interface LspTiming {
  /** Median of the server's own time per edit, in milliseconds. */
  medianMs: number;
  /** The slowest tenth's edge, in milliseconds. */
  p90Ms: number;
  edits: number;
  boundMs: number;
  pass: boolean;
}

const UPSTREAM = path.join(ROOT, "test/fixtures/upstream/config/language");
const CHAIN: Record<string, string> = {
  "shared/model.toml": fs.readFileSync(path.join(UPSTREAM, "shared/current_best_large_model.toml"), "utf8"),
  "shared/bitnet_modifier.toml": fs.readFileSync(path.join(UPSTREAM, "shared/current_best_large_bitnet_modifier.toml"), "utf8"),
  "stage.toml": `extends = ["shared/model.toml", "shared/bitnet_modifier.toml"]\n\n[training]\nmax_iters = 70000\n`,
  "runs/run.toml": 'extends = "../stage.toml"\n\n[model.rho]\nprecision = "bf16"\n# note\n',
};

const median = (values: readonly number[], at = 0.5) => [...values].sort((a, b) => a - b)[Math.floor(values.length * at)];

export async function lspDidChange(): Promise<LspTiming> {
  const dir = fs.realpathSync.native(fs.mkdtempSync(path.join(os.tmpdir(), "burn-dragon-bench-lsp-")));
  const files = Object.entries(CHAIN).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { uri: pathToFileURL(file).href, lines: text.split("\n").length, version: 1, typed: false };
  });
  const { startServer } = require(path.join(ROOT, "dist/server/server.js")) as typeof Server;
  const [toServer, fromServer] = [new PassThrough(), new PassThrough()];
  let told: ((ms: number) => void) | undefined;
  const server = startServer({ input: toServer, output: fromServer, onPublished: (ms) => told?.(ms) });
  const client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  client.listen();
  try {
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {} });
    await client.sendNotification(InitializedNotification.type, {});
    for (const [i, file] of files.entries()) {
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: file.uri, languageId: "toml", version: 1, text: Object.values(CHAIN)[i] } });
    }
    const times: number[] = [];
    for (let edit = 0; edit < WARM_UP + EDITS; edit++) {
      const file = files[edit % files.length];
      // A keystroke on the file's last line: a comment's `#` typed, or taken back.
      const start = { line: file.lines - 1, character: 0 };
      const end = { ...start, character: file.typed ? 1 : 0 };
      file.typed = !file.typed;
      const published = new Promise<number>((resolve) => (told = resolve));
      await client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: file.uri, version: ++file.version },
        contentChanges: [{ range: { start, end }, text: file.typed ? "#" : "" }],
      });
      const ms = await published;
      if (edit >= WARM_UP) times.push(ms);
    }
    const medianMs = median(times);
    return { medianMs, p90Ms: median(times, 0.9), edits: times.length, boundMs: LSP_BOUND_MS, pass: medianMs <= LSP_BOUND_MS };
  } finally {
    await client.sendRequest(ShutdownRequest.type);
    client.dispose();
    server.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
