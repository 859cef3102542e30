/** Line starts of a text, computed once, with offset-to-line lookups by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly source: string) {
    for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  start(line: number): number {
    return this.starts[line] as number;
  }
  /** Offset of the line's end, before its `\n` (and `\r`). */
  end(line: number): number {
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] as number) - 1 : this.source.length;
    return next > this.start(line) && this.source.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }
  text(line: number): string {
    return this.source.slice(this.start(line), this.end(line));
  }
  indexOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
