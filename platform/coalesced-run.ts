/**
 * Runs `work` in the background, one run at a time: a `wake()` during a run makes it run once more
 * when done (wakes in between coalesce into that one run). A failed run is passed to `onError`; the
 * next wake runs again. `stop()` lets a run in progress finish and refuses new ones.
 */
export class CoalescedRun {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.work();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.onError(error);
      } finally {
        this.running = undefined;
      }
    })();
  }

  /** True once `stop()` was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
