// Work after an acknowledgement takes turns: at most `limit` requests do their work at once, and each starts in a
// round of the event loop of its own, after the sockets waiting to be read. A burst of requests is then
// acknowledged first (Slack wants the answer within 3 seconds) and worked through after, instead of every
// acknowledgement waiting behind the work of the requests that came before it.

export type Release = () => void;

export class WorkTurns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly limit: number) {}

  /** Resolves when it is this request's turn; call the release when its work is done. */
  acquire(): Promise<Release> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.running++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.running--;
          this.schedule();
        });
      });
      this.schedule();
    });
  }

  /** Requests working or waiting for a turn. */
  get busy(): number {
    return this.running + this.waiting.length;
  }

  // One start per round: setImmediate runs after the round's I/O (the requests still to be acknowledged), and one
  // scheduled from inside it waits for the next round, so starting work never shuts out the sockets.
  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0 || this.running >= this.limit) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.running < this.limit) this.waiting.shift()?.();
      this.schedule();
    });
  }
}
