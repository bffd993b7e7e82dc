/**
 * The training worker's logic, free of DOM types (tested in Node): give it anything with
 * `postMessage` and feed it requests. A running session does one step per scheduled tick, so
 * 'pause', 'cancel' and 'snapshot' arrive between steps; a step itself is synchronous.
 */
import { EngineError, type Tensor } from '../engine/index.ts';
import { createTrainer, TrainError, type Trainer } from './trainer.ts';
import type { TrainPort, TrainRequest } from './worker-protocol.ts';

interface Session {
  trainer: Trainer;
  running: boolean;
  ended: boolean;
  every: number;
  /** Accumulated since the last report. */
  correct: number;
  images: number;
  ms: number;
}

export function createTrainWorkerHandler(
  port: TrainPort,
  schedule: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
): (req: TrainRequest) => void {
  let session: Session | undefined;

  const fail = (e: unknown, s?: Session): void => {
    if (s) {
      s.running = false;
      s.ended = true;
    }
    const code = e instanceof TrainError || e instanceof EngineError ? e.code : 'internal';
    port.postMessage({
      type: 'error',
      code,
      message: e instanceof Error ? e.message : String(e),
      ...(s ? { step: s.trainer.state.step } : {}),
    });
  };

  /** One step; posts progress when due and 'done' at the end. False when the session stopped. */
  const stepOnce = (s: Session): boolean => {
    const t = s.trainer;
    const r = t.step();
    s.correct += r.correct;
    s.images += r.images;
    s.ms += r.ms;
    const last = t.done();
    if (t.state.step % s.every === 0 || last || !s.running) {
      port.postMessage({
        type: 'progress',
        progress: {
          step: t.state.step,
          totalSteps: t.totalSteps,
          epoch: r.epoch,
          loss: r.loss,
          accuracy: s.correct / s.images,
          lr: r.lr,
          imagesPerSecond: s.images / (s.ms / 1000),
        },
      });
      s.correct = 0;
      s.images = 0;
      s.ms = 0;
    }
    if (last) {
      s.running = false;
      s.ended = true;
      port.postMessage({ type: 'done', step: t.state.step });
      return false;
    }
    return true;
  };

  const tick = (s: Session): void => {
    if (session !== s || !s.running || s.ended) return;
    try {
      if (stepOnce(s)) schedule(() => tick(s));
    } catch (e) {
      fail(e, s);
    }
  };

  const active = (): Session | undefined => {
    if (!session || session.ended) {
      port.postMessage({ type: 'error', code: 'no-run', message: 'no training run (send start first)' });
      return undefined;
    }
    return session;
  };

  return (req) => {
    switch (req.type) {
      case 'start': {
        if (session) session.ended = true;
        session = undefined;
        try {
          const trainer = createTrainer(req.graph, req.data, req.recipe, req.norm, {
            state: req.state,
            memoryBudget: req.memoryBudget,
          });
          const s: Session = {
            trainer,
            running: !req.paused,
            ended: false,
            every: Math.max(1, req.progressEvery ?? 10),
            correct: 0,
            images: 0,
            ms: 0,
          };
          session = s;
          const m = trainer.memory;
          port.postMessage({
            type: 'started',
            totalSteps: trainer.totalSteps,
            stepsPerEpoch: trainer.stepsPerEpoch,
            step: trainer.state.step,
            memory: {
              keptBytes: m.keptBytes,
              parameterBytes: m.parameterBytes,
              gradientBytes: m.gradientBytes,
              optimizerBytes: m.optimizerBytes,
              totalBytes: m.totalBytes,
            },
          });
          if (s.running) schedule(() => tick(s));
        } catch (e) {
          fail(e);
        }
        return;
      }
      case 'pause': {
        const s = active();
        if (!s) return;
        s.running = false;
        port.postMessage({ type: 'paused', step: s.trainer.state.step });
        return;
      }
      case 'resume': {
        const s = active();
        if (!s || s.running) return;
        s.running = true;
        schedule(() => tick(s));
        return;
      }
      case 'step': {
        const s = active();
        if (!s) return;
        if (s.running) {
          port.postMessage({ type: 'error', code: 'running', message: 'pause the run before stepping one batch' });
          return;
        }
        try {
          stepOnce(s);
        } catch (e) {
          fail(e, s);
        }
        return;
      }
      case 'cancel': {
        const s = active();
        if (!s) return;
        s.running = false;
        s.ended = true;
        port.postMessage({ type: 'cancelled', step: s.trainer.state.step });
        return;
      }
      case 'snapshot': {
        if (!session) {
          port.postMessage({ type: 'error', code: 'no-run', message: 'no training run (send start first)' });
          return;
        }
        const weights: Record<string, Tensor> = {};
        for (const [k, t] of session.trainer.graph.initializers)
          weights[k] = { dtype: t.dtype, dims: [...t.dims], data: t.data.slice() };
        port.postMessage({ type: 'snapshot', step: session.trainer.state.step, weights });
        return;
      }
    }
  };
}
