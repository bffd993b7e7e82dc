/**
 * `depthwise <command> …`: one file per command under src/cli/commands, each exporting
 * `run(args: string[]): Promise<number>` (the exit code) and a one-line `summary`.
 */
interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  bench: () => import('./commands/bench.ts'),
  conformance: () => import('./commands/conformance.ts'),
  eval: () => import('./commands/eval.ts'),
  export: () => import('./commands/export.ts'),
  run: () => import('./commands/run.ts'),
  summary: () => import('./commands/summary.ts'),
  train: () => import('./commands/train.ts'),
  zoo: () => import('./commands/zoo.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(commands).map(async ([n, l]) => `  ${n.padEnd(12)} ${(await l()).summary}`),
    );
    const out = [`usage: depthwise <command> [args]`, '', 'commands:', ...lines].join('\n');
    if (name && name !== '--help' && name !== 'help') {
      console.error(`depthwise: unknown command '${name}'\n\n${out}`);
      return 2;
    }
    console.log(out);
    return 0;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`depthwise: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
