/**
 * One status line on stderr: rewritten in place on a terminal, printed every few seconds
 * otherwise (CI logs, pipes), so a long run always shows that it is moving and where.
 */
export class Progress {
  private last = 0;
  private shown = '';
  private readonly tty = !!process.stderr.isTTY;

  constructor(private readonly everyMs = 5000) {}

  /** A heading of its own line: a scenario or a phase starts. */
  section(text: string): void {
    this.clear();
    process.stderr.write(`${text}\n`);
  }

  update(text: string): void {
    const now = Date.now();
    if (this.tty) {
      if (now - this.last < 100) return;
      this.last = now;
      const width = process.stderr.columns ?? 120;
      this.shown = text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text;
      process.stderr.write(`\r\x1b[2K${this.shown}`);
    } else if (now - this.last >= this.everyMs) {
      this.last = now;
      process.stderr.write(`  … ${text}\n`);
    }
  }

  /** A result line that stays. */
  done(text: string): void {
    this.clear();
    process.stderr.write(`  ${text}\n`);
  }

  private clear(): void {
    if (this.tty && this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = '';
  }
}
