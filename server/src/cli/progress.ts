/** A one-line progress bar on stderr, redrawn in place; nothing when stderr is not a terminal. */
export class ProgressBar {
  #last = 0;
  #shown = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.#last < 80) return; // at most ~12 redraws a second
    this.#last = now;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const columns = this.stream.columns ?? 80;
    const head = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} `;
    const room = Math.max(0, columns - head.length - 1);
    const tail = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
    this.stream.write(`\r\x1b[K${head}${tail}`);
    this.#shown = true;
  }

  done(): void {
    if (this.#shown) this.stream.write('\r\x1b[K');
    this.#shown = false;
  }
}
