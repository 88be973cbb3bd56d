import * as path from "node:path";
import * as ts from "typescript";

/**
 * Rule declarations and variant descriptions are typed data: the compiler must reject
 * misspelt fields and variants.
 */
const config = ts.getParsedCommandLineOfConfigFile(path.resolve(__dirname, "../../tsconfig.json"), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  },
});

function diagnosticsFor(file: string, source: string): readonly ts.Diagnostic[] {
  const host = ts.createCompilerHost(config!.options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const program = ts.createProgram([file], { ...config!.options, noEmit: true }, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
}

describe.each([
  ["rules.typetest.ts", 7],
  ["variants.typetest.ts", 4],
])("%s", (name, minimum) => {
  const file = path.join(__dirname, name);
  const source = ts.sys.readFile(file)!;
  const MARKER = /^\s*\/\/ @ts-expect-error/gm;
  const markers = source.match(MARKER)?.length ?? 0;

  test("the type test compiles with every misuse marked", () => {
    expect(markers).toBeGreaterThanOrEqual(minimum);
    expect(diagnosticsFor(file, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  test("each marked line is a real compile error", () => {
    const unmarked = source.replace(MARKER, "// unmarked:");
    expect(diagnosticsFor(file, unmarked)).toHaveLength(markers);
  });
});
