import { connect, type Socket } from "node:net";

const READY_FOR_QUERY = 0x5a; // 'Z'
const ERROR_RESPONSE = 0x45; // 'E'
const AUTHENTICATION = 0x52; // 'R'
const IDLE = 0x49; // 'I': ReadyForQuery outside a transaction block
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4]);

/** A server connection lent to one client session, handed over paused: resume it once listening. */
export type Lease = {
  socket: Socket;
  /** What the server answered the startup with, up to its first ReadyForQuery, for the client. */
  reply: Buffer;
  /** False when the server asked for a password: the client goes on with it and the connection is never reused. */
  reusable: boolean;
  /** The startup message it was opened with; connections are reused only for the same one. */
  key: string;
};

export type ServerPoolOptions = {
  target: { host: string; port: number };
  /** Idle connections kept per startup message (user, database, options). */
  maxIdle?: number;
  /** An idle connection unused this long is closed. */
  idleMs?: number;
  /** A reset that has not finished in this time closes the connection instead. */
  resetTimeoutMs?: number;
};

type Idle = { lease: Lease; timer: NodeJS.Timeout };
/** A client waiting for a connection being reset; undefined tells it to open its own. */
type Waiter = (lease: Lease | undefined) => void;

/**
 * Server connections kept open between client sessions, as the pooled endpoint of a hosted
 * PostgreSQL (PgBouncer in session mode) keeps them: a session that ends cleanly hands its
 * connection back, the pool resets it (`ROLLBACK`, then `DISCARD ALL`: no open transaction, no
 * settings, prepared statements, temporary tables, advisory locks or listeners carried over) and
 * the next session with the same startup message gets it with the startup reply replayed; a
 * session that arrives while a reset is still running waits the millisecond for it rather than
 * open a server connection of its own. A session that ends any other way (dropped, cut,
 * mid-protocol) takes its connection with it.
 */
export class ServerPool {
  readonly #idle = new Map<string, Idle[]>();
  readonly #resetting = new Map<string, number>();
  readonly #waiting = new Map<string, Waiter[]>();
  readonly #options: Required<ServerPoolOptions>;
  #closed = false;

  constructor(options: ServerPoolOptions) {
    this.#options = { maxIdle: 16, idleMs: 10_000, resetTimeoutMs: 2_000, ...options };
  }

  /** A connection for a client whose startup message is `startup`: an idle one, or a new one. */
  async acquire(startup: Uint8Array): Promise<Lease> {
    const key = Buffer.from(startup).toString("base64");
    const idle = this.#idle.get(key)?.pop();
    if (idle) {
      clearTimeout(idle.timer);
      detach(idle.lease.socket);
      return idle.lease;
    }
    const waiting = this.#waiting.get(key) ?? [];
    if ((this.#resetting.get(key) ?? 0) > waiting.length) {
      const handed = await new Promise<Lease | undefined>((resolve) => {
        waiting.push(resolve);
        this.#waiting.set(key, waiting);
      });
      if (handed) return handed;
    }
    return this.#open(key, startup);
  }

  /**
   * Takes back a connection whose client ended its session cleanly; resets it or closes it.
   * The session's own listeners on the socket are removed.
   */
  release(lease: Lease): void {
    const { socket } = lease;
    detach(socket);
    socket.on("error", () => socket.destroy());
    if (!lease.reusable || this.#closed || socket.destroyed) return void socket.destroy();
    this.#resetting.set(lease.key, (this.#resetting.get(lease.key) ?? 0) + 1);
    let settled = false;
    const settle = (clean: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      this.#resetting.set(lease.key, this.#resetting.get(lease.key)! - 1);
      if (!clean || this.#closed) socket.destroy();
      this.#handOn(lease, clean && !this.#closed);
    };
    const reader = new MessageReader();
    let ready = 0;
    let failed = false;
    const timeout = setTimeout(() => settle(false), this.#options.resetTimeoutMs).unref();
    socket.once("close", () => settle(false));
    socket.on("data", (chunk: Buffer) => {
      for (const message of reader.push(chunk)) {
        if (message[0] === ERROR_RESPONSE) failed = true;
        if (message[0] === READY_FOR_QUERY && ++ready === 3) settle(!failed && message[5] === IDLE);
      }
    });
    // Sync ends any extended-protocol exchange left open; each simple query answers with its own ReadyForQuery.
    socket.write(Buffer.concat([SYNC, query("ROLLBACK"), query("DISCARD ALL")]));
    socket.resume();
  }

  /** Sends bytes on a connection of their own and closes it: a cancel request, which has no session. */
  forward(bytes: Uint8Array): void {
    const { host, port } = this.#options.target;
    const socket = connect(port, host, () => socket.end(bytes));
    socket.on("error", () => socket.destroy());
  }

  /** Closes every idle connection; connections lent out close with their sessions. */
  close(): void {
    this.#closed = true;
    for (const waiters of this.#waiting.values()) for (const waiter of waiters) waiter(undefined);
    this.#waiting.clear();
    for (const list of this.#idle.values()) {
      for (const { lease, timer } of list) {
        clearTimeout(timer);
        lease.socket.end(TERMINATE);
      }
    }
    this.#idle.clear();
  }

  /** Gives a reset connection to the first client waiting for one, or keeps it idle; a failed reset tells that client to open its own. */
  #handOn(lease: Lease, clean: boolean): void {
    const waiter = this.#waiting.get(lease.key)?.shift();
    if (!clean) return waiter?.(undefined);
    detach(lease.socket);
    if (waiter) waiter(lease);
    else this.#keep(lease);
  }

  /** Keeps a reset connection idle; one that the server closes or writes to meanwhile is dropped. */
  #keep(lease: Lease): void {
    const { socket } = lease;
    detach(socket);
    const list = this.#idle.get(lease.key) ?? [];
    if (list.length >= this.#options.maxIdle) return void socket.end(TERMINATE);
    const timer = setTimeout(() => this.#drop(lease, () => socket.end(TERMINATE)), this.#options.idleMs).unref();
    socket.once("close", () => this.#drop(lease));
    socket.on("error", () => this.#drop(lease, () => socket.destroy()));
    socket.on("data", () => this.#drop(lease, () => socket.destroy()));
    list.push({ lease, timer });
    this.#idle.set(lease.key, list);
    socket.resume();
  }

  #drop(lease: Lease, then?: () => void): void {
    const list = this.#idle.get(lease.key);
    const index = list?.findIndex((idle) => idle.lease === lease) ?? -1;
    if (index >= 0) {
      clearTimeout(list![index]!.timer);
      list!.splice(index, 1);
    }
    then?.();
  }

  /**
   * Opens a connection and reads the server's answer to the startup up to ReadyForQuery or an
   * auth request. The socket is handed over paused, with anything the server sent after it put back.
   */
  #open(key: string, startup: Uint8Array): Promise<Lease> {
    const { host, port } = this.#options.target;
    const socket = connect(port, host);
    socket.setNoDelay(true);
    return new Promise((resolve, reject) => {
      const reader = new MessageReader();
      const received: Buffer[] = [];
      const done = (reusable: boolean, after: Buffer[] = []) => {
        detach(socket);
        const rest = Buffer.concat([...after, reader.rest()]);
        if (rest.length) socket.unshift(rest);
        resolve({ socket, reply: Buffer.concat(received), reusable, key });
      };
      const onClose = () => (received.length ? done(false) : reject(new Error("database closed the connection during startup")));
      socket.once("error", reject);
      socket.once("close", onClose);
      socket.on("data", (chunk: Buffer) => {
        const messages = reader.push(chunk);
        for (const [index, message] of messages.entries()) {
          received.push(message);
          const authRequest = message[0] === AUTHENTICATION && message.readInt32BE(5) !== 0;
          if (authRequest || message[0] === ERROR_RESPONSE || message[0] === READY_FOR_QUERY) {
            return done(message[0] === READY_FOR_QUERY, messages.slice(index + 1));
          }
        }
      });
      socket.write(startup);
    });
  }
}

/** Pauses a socket and removes every listener on it, so its next holder starts from nothing. */
function detach(socket: Socket): void {
  socket.pause();
  for (const event of ["data", "close", "error", "end"]) socket.removeAllListeners(event);
}

function query(text: string): Buffer {
  const body = Buffer.from(`${text}\0`);
  const head = Buffer.alloc(5);
  head[0] = 0x51; // 'Q'
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/**
 * Counts a server's ReadyForQuery messages as its stream goes by, reading only message headers
 * (a header may span chunks), so a session can tell whether the server has answered everything
 * the client sent before it hands the connection back.
 */
export class ReadyCounter {
  count = 0;
  #skip = 0;
  #header: number[] = [];

  push(chunk: Uint8Array): void {
    let at = this.#skip;
    while (at < chunk.length) {
      this.#header.push(chunk[at]!);
      at += 1;
      if (this.#header.length < 5) continue;
      const [type, a, b, c, d] = this.#header as [number, number, number, number, number];
      this.#header = [];
      if (type === READY_FOR_QUERY) this.count += 1;
      at += ((a << 24) | (b << 16) | (c << 8) | d) - 4;
    }
    this.#skip = at - chunk.length;
  }
}

/** Splits a server's byte stream into whole messages (type byte, length, body). */
class MessageReader {
  #buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    const messages: Buffer[] = [];
    while (this.#buffer.length >= 5) {
      const length = 1 + this.#buffer.readInt32BE(1);
      if (this.#buffer.length < length) break;
      messages.push(this.#buffer.subarray(0, length));
      this.#buffer = this.#buffer.subarray(length);
    }
    return messages;
  }

  /** Bytes received after the last whole message returned. */
  rest(): Buffer {
    return this.#buffer;
  }
}
