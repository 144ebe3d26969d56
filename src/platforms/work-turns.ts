// Work after an acknowledgement takes turns: at most `limit` requests do their work at once, and a request waits
// for its turn in a later round of the event loop. A burst of requests is then acknowledged first (Slack wants the
// answer within 3 seconds) and worked through after, instead of every acknowledgement waiting behind the work of
// the requests that came before it.

export type Release = () => void;

export class WorkTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves when it is this request's turn; call the release when its work is done. */
  acquire(): Promise<Release> {
    return new Promise((resolve) => {
      const start = () => {
        this.running++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.running--;
          setImmediate(() => this.next());
        });
      };
      this.waiting.push(start);
      // A later round of the event loop: the sockets with acknowledgements still to send are read first.
      setImmediate(() => this.next());
    });
  }

  /** Requests working or waiting for a turn. */
  get busy(): number {
    return this.running + this.waiting.length;
  }

  private next(): void {
    while (this.running < this.limit && this.waiting.length > 0) this.waiting.shift()?.();
  }
}
