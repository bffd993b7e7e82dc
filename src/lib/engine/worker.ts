/**
 * The engine's Web Worker adapter, free of DOM types: give it anything with `postMessage` and
 * feed it requests. The browser's worker entry is one line:
 * `const handle = createWorkerHandler(self); self.onmessage = (e) => handle(e.data);`
 * A 'run' yields to the event loop between nodes (via `schedule`) so a 'cancel' can arrive.
 */
import type { Graph } from './graph.ts';
import { EngineError } from './errors.ts';
import { execute, type Step } from './execute.ts';
import { groupSteps, type StepLevel } from './steps.ts';
import type { Tensor } from './tensor.ts';
import type { Port, StepReport, WorkerRequest } from './worker-protocol.ts';

interface Session {
  graph: Graph;
  gen: Generator<Step, Record<string, Tensor>>;
  signal: { cancelled: boolean };
  done: boolean;
  /** Index of the next node to run. */
  next: number;
}

const report = (s: Step): StepReport => ({
  index: s.index,
  node: s.node.name,
  opType: s.node.opType,
  scope: s.node.scope,
  outputs: s.outputs,
  macs: s.macs,
  ms: s.ms,
});

export function createWorkerHandler(
  port: Port,
  schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
): (req: WorkerRequest) => void {
  let session: Session | undefined;

  const fail = (e: unknown): void => {
    if (session) session.done = true;
    if (e instanceof EngineError && e.code === 'cancelled') {
      port.postMessage({ type: 'cancelled' });
      return;
    }
    const err = e instanceof EngineError ? e : undefined;
    port.postMessage({
      type: 'error',
      code: err?.code ?? 'internal',
      message: e instanceof Error ? e.message : String(e),
      ...(err?.node !== undefined ? { node: err.node } : {}),
    });
  };

  /** Runs nodes until `end` (exclusive); posts the steps, and 'done' when the graph finished. */
  const advance = (s: Session, end: number): boolean => {
    const steps: StepReport[] = [];
    while (s.next < end) {
      const r = s.gen.next();
      if (r.done) {
        s.done = true;
        if (steps.length) port.postMessage({ type: 'steps', steps });
        port.postMessage({ type: 'done', outputs: r.value });
        return false;
      }
      steps.push(report(r.value));
      s.next = r.value.index + 1;
    }
    if (steps.length) port.postMessage({ type: 'steps', steps });
    return true;
  };

  const noSession = (): void =>
    port.postMessage({ type: 'error', code: 'no-graph', message: 'no graph loaded (send load first)' });

  return (req) => {
    try {
      switch (req.type) {
        case 'load': {
          if (session) session.signal.cancelled = true;
          const signal = { cancelled: false };
          const gen = execute(req.graph, req.feeds, { retain: req.retain ?? true, signal });
          session = { graph: req.graph, gen, signal, done: false, next: 0 };
          port.postMessage({ type: 'loaded', nodes: req.graph.nodes.length });
          return;
        }
        case 'step': {
          const s = session;
          if (!s || s.done) return noSession();
          const level: StepLevel = req.level ?? 'node';
          const group = groupSteps(s.graph, level).find((g) => g.end > s.next);
          const end = group ? group.end : s.graph.nodes.length + 1;
          if (advance(s, end) && s.next >= s.graph.nodes.length) advance(s, s.graph.nodes.length + 1);
          return;
        }
        case 'run': {
          const s = session;
          if (!s || s.done) return noSession();
          const tick = (): void => {
            if (s.done || session !== s) return;
            try {
              if (advance(s, s.next + 1)) schedule(tick);
            } catch (e) {
              fail(e);
            }
          };
          tick();
          return;
        }
        case 'cancel': {
          if (session && !session.done) session.signal.cancelled = true;
          return;
        }
      }
    } catch (e) {
      fail(e);
    }
  };
}
