/**
 * pino, readable in a terminal and JSON everywhere else (files, containers, log shippers).
 * Modules take a child logger (`logger.child({ module: "store" })`); the bot adds one per update.
 */
import { pino, type Logger, type LevelWithSilent } from "pino";
import pretty from "pino-pretty";

export type { Logger } from "pino";

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Human-readable output; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  /** Where to write; defaults to stdout. Tests pass a stream to read the lines back. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const readable = options.pretty ?? process.stdout.isTTY === true;
  const destination = options.destination ?? process.stdout;
  if (readable) {
    // pino-pretty as a stream in this thread: no worker, so the last lines before an exit are not lost.
    return pino({ level: options.level }, pretty({ destination, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }));
  }
  return pino({ level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
