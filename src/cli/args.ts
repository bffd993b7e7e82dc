/** What the commands that take flags share: strict parsing, and usage errors on stderr with exit code 2. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Prints `depthwise <command>: <message>` and the usage to stderr; returns the exit code 2. */
export function usageError(command: string, usage: string, message: string): number {
  console.error(`depthwise ${command}: ${message}\n${usage}`);
  return 2;
}

/** `args` parsed strictly against `options` (positionals allowed); a usage error (undefined) when they do not parse. */
export function parseFlags<O extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (e) {
    usageError(command, usage, e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

/** A bad flag or argument, thrown where it is found; the command prints it with its usage and exits 2. */
export class UsageError extends Error {}

/** A numeric flag's value (undefined when absent); a UsageError naming the flag when it is not such a number. */
export function numberFlag(
  v: string | undefined,
  flag: string,
  o: { int?: boolean; min?: number } = {},
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || (o.int && !Number.isInteger(n)) || (o.min !== undefined && n < o.min)) {
    throw new UsageError(
      `${flag} needs ${o.int ? 'a whole number' : 'a number'}${o.min !== undefined ? ` ≥ ${o.min}` : ''}, got '${v}'`,
    );
  }
  return n;
}
