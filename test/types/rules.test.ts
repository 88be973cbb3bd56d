import * as path from "node:path";
import * as ts from "typescript";

/** Rule declarations are typed data: the compiler must reject misspelt fields and variants. */
const file = path.join(__dirname, "rules.typetest.ts");
const config = ts.getParsedCommandLineOfConfigFile(path.resolve(__dirname, "../../tsconfig.json"), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  },
});

function diagnosticsFor(source: string): readonly ts.Diagnostic[] {
  const host = ts.createCompilerHost(config!.options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const program = ts.createProgram([file], { ...config!.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
}

const source = ts.sys.readFile(file)!;
const MARKER = /^\s*\/\/ @ts-expect-error/gm;
const markers = source.match(MARKER)?.length ?? 0;

test("the type test compiles with every misuse marked", () => {
  expect(markers).toBeGreaterThanOrEqual(7);
  expect(diagnosticsFor(source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
});

test("each marked line is a real compile error", () => {
  const unmarked = source.replace(MARKER, "// unmarked:");
  expect(diagnosticsFor(unmarked)).toHaveLength(markers);
});
