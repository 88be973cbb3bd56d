import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type Location,
  type ProtocolConnection,
  type Range,
  type Registration,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { cliCommand } from "./cli";

/** A document no client opens: a request about it is answered at once, after every message sent before it. */
const BARRIER = "file:///burn-dragon-schema-barrier.toml";

/** How long a test waits for the server to publish before it says what it was waiting for. */
const PUBLISH_WAIT_MS = 20_000;

/** The capabilities a client such as VS Code declares for the requests the server answers. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: { completionItem: { documentationFormat: ["markdown", "plaintext"] } },
    hover: { contentFormat: ["markdown", "plaintext"] },
    codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
    definition: {},
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
};

/**
 * An LSP client of `burn-dragon-schema lsp --stdio`, the command an editor runs, started as a
 * child process: it opens, edits and closes documents and asks what an editor asks, and keeps
 * every diagnostics notification the server sends.
 */
export class LspClient {
  readonly registrations: Registration[] = [];
  readonly stderr: string[] = [];
  private readonly server: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly versions = new Map<string, number>();
  private readonly latest = new Map<string, Diagnostic[]>();
  private readonly counts = new Map<string, number>();
  private registered!: () => void;
  /** Settled once the server has registered a capability with the client. */
  readonly registration = new Promise<void>((resolve) => (this.registered = resolve));
  private readonly waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  private exited: Promise<number | null>;

  private constructor(args: readonly string[], cwd: string) {
    const [command, ...rest] = cliCommand(args);
    this.server = spawn(command, rest, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.server.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.server.on("exit", (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      this.latest.set(uri, diagnostics);
      this.counts.set(uri, (this.counts.get(uri) ?? 0) + 1);
      const waiters = this.waiting.get(uri) ?? [];
      this.waiting.delete(uri);
      for (const resolve of waiters) resolve(diagnostics);
    });
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
      this.registered();
    });
    this.connection.listen();
  }

  /** A server started with `args` (`lsp --stdio` by default) from `cwd`, initialized with `capabilities`. */
  static async start(cwd: string, { args = ["lsp", "--stdio"], capabilities = CLIENT_CAPABILITIES } = {}): Promise<LspClient> {
    const client = new LspClient(args, cwd);
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(cwd).href,
      workspaceFolders: [{ uri: pathToFileURL(cwd).href, name: path.basename(cwd) }],
      capabilities,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /**
   * The diagnostics the server publishes for `file` on `action`: the server handles messages in
   * order, so once a request sent after the action is answered, all it published is here. The
   * last of them, or, where it published none yet for the file, the next.
   */
  async published(file: string, action: () => Promise<void>): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    const before = this.counts.get(uri) ?? 0;
    const next = this.next(file);
    await action();
    await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: BARRIER }, position: { line: 0, character: 0 } });
    return (this.counts.get(uri) ?? 0) > before ? this.latest.get(uri)! : next;
  }

  /** The next diagnostics the server publishes for `file`, whatever makes it publish (a change on disk). */
  next(file: string): Promise<Diagnostic[]> {
    const uri = uriOf(file);
    return new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${file} in ${PUBLISH_WAIT_MS} ms; server stderr: ${this.stderr.join("")}`)), PUBLISH_WAIT_MS);
      const waiters = this.waiting.get(uri) ?? [];
      waiters.push((diagnostics) => {
        clearTimeout(timer);
        resolve(diagnostics);
      });
      this.waiting.set(uri, waiters);
    });
  }

  /** The last diagnostics published for `file`. */
  diagnostics(file: string): Diagnostic[] | undefined {
    return this.latest.get(uriOf(file));
  }

  /** Opens `file` with `text` (its text on disk by default) in a language (by its extension by default); the diagnostics published for it. */
  open(file: string, text: string = fs.readFileSync(file, "utf8"), languageId = ({ ".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml" } as Record<string, string>)[path.extname(file)] ?? "plaintext"): Promise<Diagnostic[]> {
    this.versions.set(file, 1);
    return this.published(file, () => this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(file), languageId, version: 1, text } }));
  }

  /** Sends `text` as `file`'s whole new text, unsaved; the diagnostics then published for `watched` (the file itself by default). */
  change(file: string, text: string, watched: string = file): Promise<Diagnostic[]> {
    const version = (this.versions.get(file) ?? 0) + 1;
    this.versions.set(file, version);
    return this.published(watched, () =>
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(file), version }, contentChanges: [{ text }] }),
    );
  }

  /** Sends an edit of one stretch of `file`, as editors send keystrokes. */
  edit(file: string, range: Range, text: string, watched: string = file): Promise<Diagnostic[]> {
    const version = (this.versions.get(file) ?? 0) + 1;
    this.versions.set(file, version);
    return this.published(watched, () =>
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(file), version }, contentChanges: [{ range, text }] }),
    );
  }

  close(file: string): Promise<Diagnostic[]> {
    return this.published(file, () => this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(file) } }));
  }

  /** Tells the server of changes on disk, as a client that watches files does; the diagnostics then published for `watched`. */
  filesChanged(changes: { file: string; type: FileEvent["type"] }[], watched: string): Promise<Diagnostic[]> {
    return this.published(watched, () =>
      this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(({ file, type }) => ({ uri: uriOf(file), type })) }),
    );
  }

  hover(file: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: { line, character } });
  }

  async completion(file: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(file) }, position: { line, character } });
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  async codeActions(file: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf(file) }, range, context: { diagnostics } });
    return (result ?? []) as CodeAction[];
  }

  async definition(file: string, line: number, character: number): Promise<Location[]> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(file) }, position: { line, character } });
    if (result === null) return [];
    return (Array.isArray(result) ? result : [result]) as Location[];
  }

  /** Ends the server as an editor does; its exit status. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Whether the server process is still running. */
  get running(): boolean {
    return this.server.exitCode === null && this.server.signalCode === null;
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** A text with `edits` applied, as an editor applies a code action's edits to its buffer. */
export function applied(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const offset = ({ line, character }: { line: number; character: number }) => (starts[line] ?? text.length) + character;
  let out = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end));
  }
  return out;
}
