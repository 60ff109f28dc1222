/** At most `limit` holders at a time; the others wait in order. The limit can change while in use. */
export class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {}

  async acquire(): Promise<void> {
    if (this.held < this.limit) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next && this.held <= this.limit) next();
    else {
      this.held--;
      if (next) this.waiting.unshift(next);
    }
  }

  resize(limit: number): this {
    this.limit = limit;
    while (this.held < this.limit && this.waiting.length) {
      this.held++;
      this.waiting.shift()!();
    }
    return this;
  }
}
