/** The tokens a log-in or sign-up returns, kept so a reload or a second tab stays logged in. */
export type Tokens = {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
};

const KEY = "ckm.session";
const listeners = new Set<(tokens: Tokens | null) => void>();

export function readSession(): Tokens | null {
  try {
    const stored = localStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Tokens) : null;
  } catch {
    return null;
  }
}

export function saveSession(tokens: Tokens | null): void {
  if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(tokens);
}

/** Calls back whenever this tab or another one logs in, refreshes or logs out. */
export function onSessionChange(listener: (tokens: Tokens | null) => void): () => void {
  listeners.add(listener);
  const fromOtherTab = (event: StorageEvent) => event.key === KEY && listener(readSession());
  window.addEventListener("storage", fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", fromOtherTab);
  };
}

const EARLY_MS = 60_000;
let inFlight: Promise<Tokens | null> | null = null;

/**
 * Spends the refresh token for new tokens. Refresh tokens are single-use and a reused one revokes
 * the whole session, so tabs take turns under a Web Lock and a tab that waited uses the tokens the
 * other tab already got instead of spending the old one again.
 */
export function refreshSession(force = false): Promise<Tokens | null> {
  inFlight ??= withLock(async () => {
    const current = readSession();
    if (!current) return null;
    if (!force && !expiresSoon(current)) return current;
    const res = await fetch("/v1/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    if (res.status >= 500) return current;
    if (!res.ok) {
      if (readSession()?.refreshToken === current.refreshToken) saveSession(null);
      return readSession();
    }
    const tokens = (await res.json()) as Tokens;
    saveSession(tokens);
    return tokens;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function accessToken(): Promise<string | null> {
  const current = readSession();
  if (!current) return null;
  if (!expiresSoon(current)) return current.accessToken;
  return (await refreshSession())?.accessToken ?? null;
}

function expiresSoon(tokens: Tokens): boolean {
  return Date.parse(tokens.accessTokenExpiresAt) - Date.now() < EARLY_MS;
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks ? (navigator.locks.request("ckm.refresh", work) as Promise<T>) : work();
}
