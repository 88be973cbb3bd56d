/**
 * Where the loader takes a file's text before it reads the disk: an editor's open buffers,
 * unsaved text included. Asked by the file's real path.
 */
export interface TextSource {
  textOf(realPath: string): string | undefined;
}
