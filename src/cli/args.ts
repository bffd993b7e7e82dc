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
