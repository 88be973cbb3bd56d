import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { stringify } from "yaml";
import { quantizationVariants } from "../../src/types/quant/variants";
import { PROJECT } from "../support/project";
import { readVectors, type Expectation } from "../support/vectors";
import { Agreement } from "../support/rust-verdicts";

/**
 * yaml-language-server (the server of the Red Hat YAML extension) as editors run it: the npm
 * package started over stdio and driven by an LSP client, each document associated with
 * `schema/burn-dragon-config.schema.json` by the `# yaml-language-server: $schema=…` modeline
 * (a path relative to the document, as in the README). Diagnostics must appear exactly when
 * Rust rejects, a rule violation's carrying the Rust message; completion offers the enum
 * values and hover shows the descriptions.
 */
const SCHEMA_FILE = path.join(PROJECT, "schema/burn-dragon-config.schema.json");
const SERVER = path.join(PROJECT, "node_modules/yaml-language-server/bin/yaml-language-server");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-consumer-"));
const configDir = path.join(workDir, "config");
const MODELINE = `# yaml-language-server: $schema=${path.relative(configDir, SCHEMA_FILE)}\n`;

/** The settings the Red Hat extension sends, with the online schema store off (no network here). */
const SETTINGS = {
  yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } },
  http: { proxy: "", proxyStrictSSL: false },
};

let server: ChildProcess;
let connection: ProtocolConnection;
const published = new Map<string, (diagnostics: Diagnostic[]) => void>();
let version = 0;

beforeAll(async () => {
  fs.mkdirSync(configDir, { recursive: true });
  server = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => published.get(uri)?.(diagnostics));
  // What the server asks of its client: each setting section, and leave to register features.
  connection.onRequest("workspace/configuration", ({ items }: { items: { section?: string }[] }) =>
    items.map(({ section }) => (section ? (SETTINGS as Record<string, unknown>)[section] ?? null : SETTINGS)),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workDir).href,
    workspaceFolders: [{ uri: pathToFileURL(workDir).href, name: "configs" }],
    capabilities: {
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
        hover: { contentFormat: ["markdown", "plaintext"] },
      },
    },
    initializationOptions: {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: SETTINGS });
});

afterAll(async () => {
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  server.kill();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Opens a YAML document in the server, returns the diagnostics it publishes for it. */
async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = pathToFileURL(path.join(configDir, name)).href;
  const diagnostics = new Promise<Diagnostic[]>((resolve) => published.set(uri, resolve));
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "yaml", version: ++version, text },
  });
  return { uri, diagnostics: await diagnostics };
}

async function close(uri: string): Promise<void> {
  published.delete(uri);
  await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

interface YamlCase {
  name: string;
  text: string;
  expect: Expectation;
}

/** Each whole-config object vector rendered as YAML, then each JSON text vector (JSON is YAML 1.2). */
function yamlCases(): YamlCase[] {
  const objects = readVectors("objects.jsonl")
    .filter((vector) => vector.target === "config")
    .map((vector) => ({ name: `objects #${vector.id}`, text: MODELINE + stringify(vector.value), expect: vector.expect }));
  const texts = readVectors("json-text.jsonl").map((vector) => ({
    name: `json-text #${vector.id}`,
    text: MODELINE + vector.text,
    expect: vector.expect,
  }));
  return [...objects, ...texts];
}

const BATCH = 100;

const text = (message: Diagnostic["message"]) => (typeof message === "string" ? message : (message as MarkupContent).value);

describe("whole documents: diagnostics exactly when Rust rejects, a rule's with the Rust message", () => {
  const cases = yamlCases();
  const agreement = new Agreement("yaml-language-server");

  afterAll(() => {
    console.log(agreement.summary);
  });

  test("there are cases of every kind", () => {
    const kinds = new Set(cases.map((c) => (c.expect.valid ? "valid" : c.expect.stage)));
    expect([...kinds].sort()).toEqual(["deserialize", "valid", "validate"]);
  });

  const found: Diagnostic[][] = [];

  // The server validates an opened document after a short delay: open many at once.
  beforeAll(async () => {
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH).map(async (c, i) => {
        const { uri, diagnostics } = await open(`case-${start + i}.yaml`, c.text);
        await close(uri);
        found[start + i] = diagnostics;
      });
      await Promise.all(batch);
    }
  });

  test.each(cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, { expect: rust }, i) => {
    const diagnostics = found[i];
    const shown = diagnostics.map((d) => text(d.message));
    agreement.record(rust, diagnostics.length > 0, shown);
    if (rust.valid) expect(shown).toEqual([]);
    else expect(shown).not.toEqual([]);
    if (!rust.valid && rust.stage === "validate") expect(shown).toContain(rust.message);
  });
});

describe("editing", () => {
  const markdown = (contents: Hover["contents"]): string => {
    if (Array.isArray(contents)) return contents.map(markdown).join("\n\n");
    return typeof contents === "string" ? contents : contents.value;
  };
  const document = `${MODELINE}model:\n  quant:\n    protocol: bitnet_b158\n`;

  test("completion offers every protocol variant", async () => {
    const { uri } = await open("completion.yaml", `${MODELINE}model:\n  quant:\n    protocol: \n`);
    const result = await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: "    protocol: ".length },
    });
    await close(uri);
    const items = (Array.isArray(result) ? result : (result as CompletionList).items) as CompletionItem[];
    const labels = items.map((item) => item.label);
    expect(labels.sort()).toEqual(Object.keys(quantizationVariants.BitNetLowBitProtocol).sort());
  });

  test("hover on a key shows the field's description", async () => {
    const { uri } = await open("hover-key.yaml", document);
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 6 } });
    await close(uri);
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
    const field = schema.definitions.LowBitQuantizationConfig.properties.protocol;
    expect(markdown(hover!.contents)).toContain(field.markdownDescription);
  });

  test("hover on a value shows the variant's description", async () => {
    const { uri } = await open("hover-value.yaml", document);
    const hover = await connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 3, character: "    protocol: bitnet".length },
    });
    await close(uri);
    expect(markdown(hover!.contents)).toContain(quantizationVariants.BitNetLowBitProtocol.bitnet_b158);
  });
});
