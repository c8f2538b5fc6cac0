export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export type Logger = {
  [level in LogLevel]: (message: string, fields?: LogFields) => void;
} & { child(fields: LogFields): Logger };

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A structured logger: one JSON object per line, carrying its context (e.g. the request id). */
export function createLogger(context: LogFields, minLevel: LogLevel = "info"): Logger {
  const write = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[minLevel]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...context, ...fields });
    if (level === "error") console.error(line);
    else if (level === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => createLogger({ ...context, ...fields }, minLevel),
  };
}
