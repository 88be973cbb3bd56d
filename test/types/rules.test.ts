import * as path from "node:path";
import * as ts from "typescript";

/**
 * Rule declarations and variant descriptions are typed data: the compiler must reject
 * misspelt fields and variants. Results are typed for strict projects: the published types
 * are compiled as such a project compiles them.
 */
const config = ts.getParsedCommandLineOfConfigFile(path.resolve(__dirname, "../../tsconfig.json"), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  },
});

function diagnosticsFor(file: string, source: string, flags: ts.CompilerOptions): readonly ts.Diagnostic[] {
  const options = { ...config!.options, ...flags, noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : read(name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
}

/** A strict project's flags beyond the project's own (`--strict` is among those). */
const STRICT_PROJECT: ts.CompilerOptions = { strict: true, noUncheckedIndexedAccess: true };

describe.each<[string, number, ts.CompilerOptions]>([
  ["rules.typetest.ts", 7, {}],
  ["variants.typetest.ts", 4, {}],
  ["results.typetest.ts", 9, STRICT_PROJECT],
])("%s", (name, minimum, flags) => {
  const file = path.join(__dirname, name);
  const source = ts.sys.readFile(file)!;
  const MARKER = /^\s*\/\/ @ts-expect-error/gm;
  const markers = source.match(MARKER)?.length ?? 0;

  test("the type test compiles with every misuse marked", () => {
    expect(markers).toBeGreaterThanOrEqual(minimum);
    expect(diagnosticsFor(file, source, flags).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  test("each marked line is a real compile error", () => {
    const unmarked = source.replace(MARKER, "// unmarked:");
    expect(diagnosticsFor(file, unmarked, flags)).toHaveLength(markers);
  });
});
