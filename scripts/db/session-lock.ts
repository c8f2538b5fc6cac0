/**
 * A first-in, first-out lock. The embedded database has a single session, so the bridge lets
 * one client session hold it at a time and queues the rest instead of refusing them.
 */
export class SessionLock {
  #held = false;
  #waiters: Array<() => void> = [];

  get waiting(): number {
    return this.#waiters.length;
  }

  async acquire(): Promise<() => void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next) next();
      else this.#held = false;
    };
  }
}
