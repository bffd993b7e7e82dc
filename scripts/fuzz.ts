/**
 * Structure-aware fuzzer of the ONNX import → analyze → run pipeline.
 *
 *   npm run fuzz -- <cases> <seed> [--from N] [--hang-ms 10000] [--json out.json]
 *
 * Cases run in a child process; the parent is the watchdog: a case that has not finished after
 * --hang-ms, or during which the child dies, is replayed alone in a fresh child and counted as a
 * hang or crash if it stalls or dies again; any error that is not a typed OnnxError/EngineError
 * is a crash. Cases slower than 2 s
 * are counted separately. Case i of a seed is the same on every machine (src/lib/engine/onnx/fuzz).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/lib/engine/onnx/fuzz/corpus.ts';
import { makeCase } from '../src/lib/engine/onnx/fuzz/mutate.ts';
import { runCase } from '../src/lib/engine/onnx/fuzz/outcome.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const SLOW_MS = 2000;

interface Msg {
  i: number;
  kind: 'ran' | 'refused' | 'crash';
  code?: string;
  message?: string;
  ms: number;
  edits: string[];
  seedName: string;
}

function child(seed: number, from: number, to: number): void {
  const corpus = loadCorpus(repo);
  for (let i = from; i < to; i++) {
    // 'start' before the mutation, so the watchdog covers making the case as well as running it.
    process.send!({ start: i });
    const c = makeCase(corpus, seed, i);
    const t0 = performance.now();
    const o = runCase(c.bytes);
    const ms = performance.now() - t0;
    const m: Msg = {
      i,
      kind: o.kind,
      ms,
      edits: [...c.edits],
      seedName: c.seedName,
      ...(o.kind === 'refused' ? { code: o.code } : o.kind === 'crash' ? { message: o.message } : {}),
    };
    process.send!(m);
  }
  process.disconnect();
}

interface Stop {
  kind: 'done' | 'hang' | 'died';
  at: number;
  detail: string;
}

/**
 * Runs cases [from, end) in one child until they finish or the child stalls (no result within
 * hangMs) or dies; `onResult` gets every finished case.
 */
function runChild(seed: number, from: number, end: number, hangMs: number, onResult: (m: Msg) => void): Promise<Stop> {
  return new Promise((resolve) => {
    const c: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child', String(seed), String(from), String(end)], {
      execArgv: ['--import', 'tsx'],
    });
    let current = from;
    let timer: NodeJS.Timeout | undefined;
    let stop: Stop | undefined;
    // Any silence longer than hangMs (within a case, or between cases) stops the child.
    const arm = (ms = hangMs): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop = { kind: 'hang', at: current, detail: `no message from the child for ${hangMs} ms` };
        c.kill('SIGKILL');
      }, ms);
    };
    // Starting the child (tsx, reading the corpus) may take a while on a loaded machine.
    arm(3 * hangMs);
    c.on('message', (m: Msg | { start: number }) => {
      arm();
      if ('start' in m) {
        current = m.start;
        return;
      }
      onResult(m);
      current = m.i + 1;
    });
    c.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (stop) resolve(stop);
      else if (current < end)
        resolve({ kind: 'died', at: current, detail: `the child process exited (code ${code}, signal ${signal})` });
      else resolve({ kind: 'done', at: end, detail: '' });
    });
  });
}

async function parent(cases: number, seed: number, from: number, hangMs: number, jsonOut?: string): Promise<void> {
  const corpusSize = loadCorpus(repo).length;
  const counts = { ran: 0, refused: 0, crash: 0, hang: 0, slow: 0 };
  const codes = new Map<string, number>();
  const bad: { i: number; kind: string; detail: string }[] = [];
  const t0 = Date.now();
  const end = from + cases;
  let lastPrint = Date.now();
  let done = 0;
  console.log(`fuzz: ${cases} cases from #${from}, seed ${seed}, ${corpusSize} seed files, hang after ${hangMs} ms`);
  const onResult = (m: Msg): void => {
    done++;
    counts[m.kind]++;
    if (m.ms > SLOW_MS) {
      counts.slow++;
      bad.push({ i: m.i, kind: 'slow', detail: `${m.ms.toFixed(0)} ms (${m.seedName}: ${m.edits.join(', ')})` });
    }
    if (m.kind === 'refused') codes.set(m.code!, (codes.get(m.code!) ?? 0) + 1);
    if (m.kind === 'crash')
      bad.push({ i: m.i, kind: 'crash', detail: `${m.seedName}: ${m.edits.join(', ')}: ${m.message}` });
    if (Date.now() - lastPrint > 10000) {
      lastPrint = Date.now();
      console.log(
        `  ${done}/${cases}  ran ${counts.ran}  refused ${counts.refused}  crash ${counts.crash}  hang ${counts.hang}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  };
  let next = from;
  while (next < end) {
    const stop = await runChild(seed, next, end, hangMs, onResult);
    if (stop.kind === 'done') break;
    // A stall or a death is replayed alone in a fresh child (the machine is shared, and a death may
    // come from memory an earlier case left behind); only a replay that stalls or dies again counts.
    const replay = await runChild(seed, stop.at, stop.at + 1, hangMs, onResult);
    bad.push({
      i: stop.at,
      kind: `watchdog (${stop.kind})`,
      detail: `${stop.detail}; replayed alone: ${replay.kind === 'done' ? 'finished' : replay.detail}`,
    });
    if (replay.kind !== 'done') {
      done++;
      if (replay.kind === 'hang') counts.hang++;
      else counts.crash++;
    }
    next = stop.at + 1;
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`\nfuzz: ${cases} cases, seed ${seed}, ${secs.toFixed(1)} s (${(cases / secs).toFixed(0)} cases/s)`);
  console.log(
    `  ran ${counts.ran}  refused ${counts.refused}  crash ${counts.crash}  hang ${counts.hang}  over ${SLOW_MS} ms ${counts.slow}`,
  );
  console.log(
    `  refusals by code: ${[...codes]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const b of bad.slice(0, 40)) console.log(`  #${b.i} ${b.kind}: ${b.detail.split('\n')[0]}`);
  if (jsonOut)
    writeFileSync(
      jsonOut,
      JSON.stringify({ cases, seed, from, seconds: secs, counts, codes: Object.fromEntries(codes), bad }, null, 2),
    );
  process.exitCode = counts.crash + counts.hang > 0 ? 1 : 0;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  child(Number(argv[1]), Number(argv[2]), Number(argv[3]));
} else {
  const opt = (name: string): string | undefined => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const positional = argv.filter((a, k) => !a.startsWith('--') && !argv[k - 1]?.startsWith('--'));
  const cases = Number(positional[0] ?? 1000);
  const seed = Number(positional[1] ?? 1);
  if (!Number.isSafeInteger(cases) || cases < 1 || !Number.isSafeInteger(seed)) {
    console.error('usage: npm run fuzz -- <cases> <seed> [--from N] [--hang-ms 10000] [--json out.json]');
    process.exit(2);
  }
  await parent(cases, seed, Number(opt('--from') ?? 0), Number(opt('--hang-ms') ?? 10000), opt('--json'));
}
