// The client's concurrency limit: at most maxConcurrency requests in flight, the rest queued in order; a 429 pauses
// the whole queue until its Retry-After has passed, not just the request that got it.
import type { Clock } from '../options.js';

/** Limits requests in flight; on a 429 it holds every queued request until Retry-After has passed. */
export class Throttle {
  // Private fields (#): their names are minified, unlike TypeScript's `private`, and the class is in the main entry.
  #active = 0;
  readonly #waiting: Array<() => void> = [];
  #pausedUntil = 0;
  readonly #limit: number;
  readonly #clock: Clock;

  constructor(limit: number, clock: Clock) {
    this.#limit = limit;
    this.#clock = clock;
  }

  pauseUntil(moment: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, moment);
  }

  /** Takes a slot at once when one is free, nobody waits and no pause holds; else false (call acquire). */
  tryAcquire(): boolean {
    if (this.#active >= this.#limit || this.#waiting.length > 0 || this.#pausedUntil > this.#clock.now()) return false;
    this.#active++;
    return true;
  }

  /** Whether a 429 pause holds the queue until at least `moment`. */
  holdsUntil(moment: number): boolean {
    return this.#pausedUntil >= moment;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.#active >= this.#limit || this.#waiting.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const at = this.#waiting.indexOf(grant);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(signal!.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        this.#waiting.push(grant);
      });
    }
    this.#active++;
    // Holding the slot while paused keeps the whole queue behind the pause.
    try {
      for (let wait = this.#pausedUntil - this.#clock.now(); wait > 0; wait = this.#pausedUntil - this.#clock.now()) {
        await this.#clock.sleep(wait, signal);
      }
    } catch (error) {
      this.release();
      throw error;
    }
  }

  release(): void {
    this.#active--;
    const next = this.#waiting.shift();
    if (next) next();
  }
}
