import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextSource } from "../files/text-source";
import { CONFIG_FORMATS, type ConfigFormat } from "../text/read-document";
import {
  codeActionsAt,
  completionsAt,
  definitionAt,
  diagnosticsOf,
  fromLsp,
  headsAffected,
  hoverAt,
  viewConfig,
  type ConfigView,
} from "../languageservice";
import { FileWatch } from "./file-watch";

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Told, after each `didChange`, how long the server took from the notification to the diagnostics sent (ms). */
  onPublished?: (milliseconds: number) => void;
}

/** The files a config may be written in: what the client is asked to watch on disk. */
const CONFIG_FILES = "**/*.{toml,json,yaml,yml}";

/**
 * The language server: the protocol, wired to the language service. The open buffers are a
 * text source the loader reads before the disk; each open file heads a config, viewed again
 * whenever a file it reads changes (in a buffer, or on disk), and every open file those
 * configs touch gets its diagnostics published again.
 */
export function startServer({ input, output, onPublished }: ServerOptions): Connection {
  const connection = createConnection(input, output);
  const open = new Map<string, TextDocument>();
  const views = new Map<string, ConfigView>();
  /** The open files that were configs when last read well-formed. */
  const configs = new Set<string>();
  const source: TextSource = { textOf: (real) => open.get(real)?.getText() };
  const uriOf = (real: string) => open.get(real)?.uri ?? pathToFileURL(real).href;
  const watch = new FileWatch((changed) => refresh(changed));
  let clientWatches = false;

  /** Views again every open config that reads one of `changed`, and publishes what they touch. */
  function refresh(changed: readonly string[]): void {
    const heads = new Set(changed.flatMap((file) => headsAffected(file, views.values())));
    for (const file of changed) if (open.has(file)) heads.add(file);
    const touched = new Set<string>();
    for (const head of heads) {
      for (const file of views.get(head)?.files.keys() ?? []) touched.add(file);
      touched.add(head);
      if (!open.has(head)) {
        views.delete(head);
        continue;
      }
      const view = viewConfig(head, source, { wasConfig: configs.has(head), syntax: syntaxOf(open.get(head)!) });
      if (view.files.get(head)?.document) {
        if (view.isConfig) configs.add(head);
        else configs.delete(head);
      }
      views.set(head, view);
      for (const file of view.files.keys()) touched.add(file);
    }
    for (const file of touched) if (open.has(file)) publish(file);
    if (!clientWatches) watch.follow(readFromDisk());
  }

  function publish(file: string): void {
    const document = open.get(file)!;
    const diagnostics = guarded(() => diagnosticsOf(file, views, uriOf), []);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** The files the open configs read from disk: those a change on disk would change. */
  function readFromDisk(): string[] {
    const files = new Set<string>();
    for (const view of views.values()) for (const file of view.files.keys()) if (!open.has(file)) files.add(file);
    for (const head of views.keys()) files.add(head);
    return [...files];
  }

  /** Whatever goes wrong in one request is logged, and the server goes on. */
  function guarded<T>(run: () => T, otherwise: T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`burn-dragon-schema: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return otherwise;
    }
  }

  /** The open file at a URI, by its real path. */
  function openFile(uri: string): { real: string; document: TextDocument } | undefined {
    const real = realPathOf(uri);
    const document = real === undefined ? undefined : open.get(real);
    return real === undefined || document === undefined ? undefined : { real, document };
  }

  connection.onInitialize((params: InitializeParams) => {
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "'", ".", "["] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
      },
      serverInfo: { name: "burn-dragon-schema" },
    };
  });

  connection.onInitialized(() => {
    if (clientWatches) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILES }] });
  });

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    const real = realPathOf(uri);
    if (real === undefined) return;
    open.set(real, TextDocument.create(uri, languageId, version, text));
    guarded(() => refresh([real]), undefined);
  });

  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const arrived = performance.now();
    const file = openFile(uri);
    if (file === undefined) return;
    open.set(file.real, TextDocument.update(file.document, contentChanges, version));
    guarded(() => refresh([file.real]), undefined);
    onPublished?.(performance.now() - arrived);
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    const file = openFile(uri);
    if (file === undefined) return;
    open.delete(file.real);
    configs.delete(file.real);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    guarded(() => refresh([file.real]), undefined);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.map(({ uri }) => realPathOf(uri)).filter((file): file is string => file !== undefined);
    guarded(() => refresh(files), undefined);
  });

  connection.onHover(({ textDocument, position }) => {
    const file = openFile(textDocument.uri);
    return file ? guarded(() => hoverAt(file.real, fromLsp(position), views) ?? null, null) : null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const file = openFile(textDocument.uri);
    return file ? guarded(() => completionsAt(file.real, fromLsp(position), source, syntaxOf(file.document)), []) : [];
  });

  connection.onCodeAction(({ textDocument, range }) => {
    const file = openFile(textDocument.uri);
    return file ? guarded(() => codeActionsAt(file.real, range, views, uriOf), []) : [];
  });

  connection.onDefinition(({ textDocument, position }) => {
    const file = openFile(textDocument.uri);
    return file ? guarded(() => definitionAt(file.real, fromLsp(position), views, uriOf), []) : [];
  });

  connection.onShutdown(() => watch.close());
  connection.listen();
  return connection;
}

/** The syntax the editor's language for a buffer names, if it is one of a config's. */
function syntaxOf(document: TextDocument): ConfigFormat | undefined {
  return (CONFIG_FORMATS as readonly string[]).includes(document.languageId) ? (document.languageId as ConfigFormat) : undefined;
}

/**
 * The real path of a `file:` URI, as the loader names files (symbolic links resolved); a
 * buffer never saved has its absolute path. Other schemes (an untitled buffer) are no file.
 */
function realPathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  const file = fileURLToPath(uri);
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}
