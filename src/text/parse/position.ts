/** Where a key or value stands in a config text: 1-based line and column, and which file when known. */
export interface Position {
  line: number;
  column: number;
  file?: string;
}

/** Line starts of a text, to turn character offsets into positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The character offset of a position of this text. */
  offsetOf(at: Position): number {
    return (this.starts[at.line - 1] ?? 0) + at.column - 1;
  }

  at(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
