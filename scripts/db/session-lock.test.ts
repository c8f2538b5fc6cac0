import { describe, expect, it } from "vitest";
import { SessionLock } from "./session-lock.ts";

/** Lets every already-resolved promise continuation run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("SessionLock", () => {
  it("grants the lock at once when nobody holds it", async () => {
    const lock = new SessionLock();
    const release = await lock.acquire();
    expect(lock.waiting).toBe(0);
    release();
  });

  it("hands the lock to waiters in the order they asked (FIFO)", async () => {
    const lock = new SessionLock();
    const order: string[] = [];
    const releaseFirst = await lock.acquire();

    const sessions = ["a", "b", "c"].map(async (name) => {
      const release = await lock.acquire();
      order.push(name);
      await settle(); // hold the lock across a turn of the event loop
      release();
    });
    await settle();
    expect(order).toEqual([]); // all three wait behind the first holder

    releaseFirst();
    await Promise.all(sessions);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("lets only one holder run at a time", async () => {
    const lock = new SessionLock();
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const release = await lock.acquire();
        most = Math.max(most, ++holders);
        await settle();
        holders--;
        release();
      }),
    );
    expect(most).toBe(1);
  });

  it("counts the sessions waiting for the lock", async () => {
    const lock = new SessionLock();
    const release = await lock.acquire();
    const second = lock.acquire();
    const third = lock.acquire();
    await settle();
    expect(lock.waiting).toBe(2);

    release();
    const releaseSecond = await second;
    expect(lock.waiting).toBe(1);

    releaseSecond();
    const releaseThird = await third;
    expect(lock.waiting).toBe(0);
    releaseThird();
  });

  it("ignores a second release of the same grant", async () => {
    const lock = new SessionLock();
    const release = await lock.acquire();
    const second = lock.acquire();
    const third = lock.acquire();
    await settle();

    release();
    release(); // must not hand the lock to the third session as well
    const releaseSecond = await second;
    let thirdGranted = false;
    void third.then(() => (thirdGranted = true));
    await settle();
    expect(thirdGranted).toBe(false);
    expect(lock.waiting).toBe(1);

    releaseSecond();
    releaseSecond();
    (await third)();
    expect(lock.waiting).toBe(0);
  });

  it("is free again after the last holder releases, even after a double release", async () => {
    const lock = new SessionLock();
    const release = await lock.acquire();
    release();
    release();

    const again = await lock.acquire(); // would hang if the lock still counted as held
    let nextGranted = false;
    const next = lock.acquire().then((r) => ((nextGranted = true), r));
    await settle();
    expect(nextGranted).toBe(false); // and it is held exactly once, not twice
    again();
    (await next)();
  });
});
