/** A reason a row (or the whole file, at line 1 or where parsing stopped) cannot be imported. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

/** Problems found so far, in the order found; printed sorted by file and line. */
export class Problems {
  private readonly list: Problem[] = [];

  add(file: string, line: number, reason: string): void {
    this.list.push({ file, line, reason });
  }

  get count(): number {
    return this.list.length;
  }

  sorted(): Problem[] {
    return [...this.list].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  }
}
