/**
 * The page side of the debugger worker: one request at a time per call, a promise for its answer,
 * progress through a callback. `cancel()` terminates the worker (the only way to stop a kernel in
 * the middle) and rejects what was pending; the next request starts a fresh worker, so callers
 * re-open their model after a cancel.
 */
import type { RuntimeRequest, RuntimeResponse } from './protocol.ts';

type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;
export type Request = Distributive<RuntimeRequest>;
type Answer = Exclude<RuntimeResponse, { type: 'progress' } | { type: 'done' } | { type: 'error' }>;

interface Pending {
  answers: Answer[];
  onProgress?: (phase: string, done: number, total: number) => void;
  onAnswer?: (a: Answer) => void;
  resolve: (a: Answer[]) => void;
  reject: (e: Error) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export class RuntimeClient {
  private worker: Worker | undefined;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../../workers/debugger.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<RuntimeResponse>) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      const err = new Error(`the worker failed: ${e.message || 'it could not start'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = w;
    return w;
  }

  /**
   * Starts the worker now (fetching and evaluating its script) so that it boots while the caller
   * prepares its first request (the debugger loads its sample images meanwhile).
   */
  warm(): void {
    this.ensure();
  }

  private receive(m: RuntimeResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') p.onProgress?.(m.phase, m.done, m.total);
    else if (m.type === 'done') {
      this.pending.delete(m.id);
      p.resolve(p.answers);
    } else if (m.type === 'error') {
      this.pending.delete(m.id);
      p.reject(new Error(m.message));
    } else {
      p.answers.push(m);
      p.onAnswer?.(m);
    }
  }

  /** Sends a request; resolves with its answers when the worker says it is done. */
  request(
    req: Request,
    opts: { onProgress?: Pending['onProgress']; onAnswer?: Pending['onAnswer'] } = {},
  ): Promise<Answer[]> {
    const id = ++this.seq;
    return new Promise<Answer[]>((resolve, reject) => {
      this.pending.set(id, { answers: [], resolve, reject, ...opts });
      this.ensure().postMessage({ ...req, id } as RuntimeRequest);
    });
  }

  /** The single answer of a given type, or an error naming what came instead. */
  async one<T extends Answer['type']>(
    req: Request,
    type: T,
    opts?: Parameters<RuntimeClient['request']>[1],
  ): Promise<Extract<Answer, { type: T }>> {
    const answers = await this.request(req, opts);
    const a = answers.find((x) => x.type === type);
    if (!a)
      throw new Error(`the worker answered ${answers.map((x) => x.type).join(', ') || 'nothing'} instead of ${type}`);
    return a as Extract<Answer, { type: T }>;
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }
}
