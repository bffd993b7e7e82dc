/**
 * The second kernel thread's protocol. The worker holds its own instance of the kernel module over
 * the same shared WebAssembly.Memory (wasm-kernels.ts, sharedKernelModule), so operands the main
 * thread copied in are already there; a call is just an export's index and its arguments, written
 * to a small control SharedArrayBuffer and signalled with Atomics.notify, and its end is signalled
 * back the same way. Atomics.store / Atomics.load are sequentially consistent, so every plain
 * write (JavaScript or WebAssembly) one thread made before its store is visible to the other after
 * its load sees the new value: the happens-before of the threads proposal's memory model
 * (https://github.com/WebAssembly/threads/blob/main/proposals/threads/Overview.md, "Memory model").
 *
 * Control block, Int32 slots: [0] the number of the last call posted (−1: stop), [1] the number of
 * the last call the worker finished, [2] the number of the last call claimed, [3] 1 once a call
 * threw in the worker (a trap: the main thread then throws too, rather than read half a result); Float64 slots from
 * byte 16: [0] the export's index in KERNEL_EXPORTS, [1] the argument count, then the arguments
 * (i32 and f32 values are exact in a float64).
 *
 * Claiming: whichever thread first moves slot 2 from n − 1 to n (Atomics.compareExchange) runs call
 * n. The worker claims a call when it wakes; the main thread, done with its own half, claims it if
 * the worker has not, and runs it itself. On a machine whose cores are busy with other processes
 * the worker may not be scheduled for milliseconds; the main thread then never waits for it. The
 * same export of the same module runs either way, so the result is the same.
 *
 * The worker's side is WORKER_LOOP, JavaScript source shared by the Node (worker_threads) and the
 * browser (Web Worker) adapters; this file has no worker, timer or global of its own.
 */

/** Exports a helper may run (their order is the protocol's numbering). */
export const KERNEL_EXPORTS = ['gemm', 'gemv', 'dw1', 'dw2', 'affine'] as const;
export type KernelExport = (typeof KERNEL_EXPORTS)[number];

/** Bytes of the control block: four Int32 slots, then 2 + 16 Float64 slots. */
export const CONTROL_BYTES = 16 + 8 * 18;

/**
 * Polls before sleeping in Atomics.wait, on both sides: a sleep and wake-up costs tens of
 * microseconds, about a small 1×1 conv's whole time, while the next call usually comes sooner.
 */
export const SPINS = 1 << 14;

/** Call numbers wrap here, staying non-negative (−1 is the stop signal). */
const MASK = 0x3fffffff;

/** The second thread, as the kernels see it. */
export interface KernelHelper {
  /** Starts `fn(...args)` on the helper's instance; returns at once. */
  start(fn: KernelExport, args: readonly number[]): void;
  /**
   * Returns true when the helper has run the call last started (its writes to the memory are then
   * visible); false when it had not begun it, and now never will: the caller runs it.
   */
  join(): boolean;
}

/**
 * The main thread's side of the control block (the worker runs WORKER_LOOP on the same buffer).
 * `takeBack: false` makes join() always wait for the worker (tests use it to check the worker's
 * results); by default a call the worker has not begun is taken back.
 */
export function helperOver(control: SharedArrayBuffer, takeBack = true): KernelHelper & { stop(): void } {
  const ctl = new Int32Array(control, 0, 4);
  const slots = new Float64Array(control, 16, 18);
  let posted = 0;
  return {
    start(fn, args) {
      slots[0] = KERNEL_EXPORTS.indexOf(fn);
      slots[1] = args.length;
      for (let i = 0; i < args.length; i++) slots[2 + i] = args[i];
      posted = (posted + 1) & MASK;
      Atomics.store(ctl, 0, posted);
      Atomics.notify(ctl, 0);
    },
    join() {
      const prev = (posted - 1) & MASK;
      if (takeBack && Atomics.compareExchange(ctl, 2, prev, posted) === prev) return false;
      for (let spin = 0; ; spin++) {
        const done = Atomics.load(ctl, 1);
        if (done === posted) {
          if (Atomics.load(ctl, 3) !== 0) throw new Error('a kernel call failed in the kernel worker');
          return true;
        }
        // Atomics.wait returns at once if slot 1 already changed from `done` (no lost wake-up).
        if (spin >= SPINS) Atomics.wait(ctl, 1, done);
      }
    },
    stop() {
      Atomics.store(ctl, 0, -1);
      Atomics.notify(ctl, 0);
    },
  };
}

/**
 * The worker's loop as JavaScript source: `serve(module, memory, control, ready)` instantiates the
 * kernel module over the shared memory, calls `ready()`, then runs posted calls until told to
 * stop. Plain source (not a bundled module) so Node can run it with `eval: true` and a page from a
 * Blob URL alike.
 */
export const WORKER_LOOP = `
function serve(module, memory, control, ready) {
  const e = new WebAssembly.Instance(module, { env: { mem: memory } }).exports;
  ready();
  const fns = ${JSON.stringify(KERNEL_EXPORTS)}.map((n) => e[n]);
  const ctl = new Int32Array(control, 0, 4);
  const slots = new Float64Array(control, 16, 18);
  let seen = 0;
  for (;;) {
    let next = Atomics.load(ctl, 0);
    for (let spin = 0; next === seen; spin++) {
      if (spin >= ${SPINS}) Atomics.wait(ctl, 0, seen);
      next = Atomics.load(ctl, 0);
    }
    if (next < 0) return;
    seen = next;
    if (Atomics.compareExchange(ctl, 2, (seen - 1) & ${MASK}, seen) !== ((seen - 1) & ${MASK})) continue;
    const n = slots[1];
    const args = [];
    for (let i = 0; i < n; i++) args.push(slots[2 + i]);
    try {
      fns[slots[0]](...args);
    } catch {
      Atomics.store(ctl, 3, 1);
    }
    Atomics.store(ctl, 1, seen);
    Atomics.notify(ctl, 1);
  }
}
`;
