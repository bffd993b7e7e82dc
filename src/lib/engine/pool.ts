/**
 * A buffer arena for training steps. A step of the trainer allocates its activations and gradients
 * afresh (hundreds of MiB at batch 64) and drops them all by the step's end; in V8 each large
 * typed array is an external allocation whose bookkeeping and the garbage collections it triggers
 * cost about a seventh of a step's CPU time. While an arena is open (the trainer opens one per
 * step, `openArena` … `closeArena`), the kernels' big buffers come from it: by exact length from
 * the buffers of earlier steps, which have the same sizes. Closing returns every buffer handed out
 * since opening, so nothing allocated inside may outlive the step (the trainer keeps only numbers;
 * applyBuffers copies). With no arena open (inference, the step-through views) allocation is
 * plain `new Float32Array`. Values never change: `f32buf` is zeroed like a new array, and
 * `f32bufUninit` is for kernels that write every element before reading any.
 */

interface Arena {
  readonly free: Map<number, Float32Array[]>;
  used: Float32Array[];
}

let current: Arena | undefined;

/** A reusable arena (one per trainer: its free buffers persist between steps). */
export function newArena(): Arena {
  return { free: new Map(), used: [] };
}

export type { Arena };

/** Kernels allocate from `a` until closeArena. */
export function openArena(a: Arena): void {
  current = a;
}

/** Returns every buffer handed out since openArena to the arena's free lists. */
export function closeArena(a: Arena): void {
  if (current === a) current = undefined;
  for (const b of a.used) {
    const list = a.free.get(b.length);
    if (list) list.push(b);
    else a.free.set(b.length, [b]);
  }
  a.used = [];
}

/** Below this many elements a fresh array is cheap (V8 allocates it on its own heap). */
const MIN_POOLED = 4096;

function take(n: number): Float32Array | undefined {
  const a = current;
  if (!a || n < MIN_POOLED) return undefined;
  const b = a.free.get(n)?.pop() ?? new Float32Array(n);
  a.used.push(b);
  return b;
}

/** A zeroed float32 buffer of n elements (from the open arena, if any). */
export function f32buf(n: number): Float32Array {
  const b = take(n);
  return b ? b.fill(0) : new Float32Array(n);
}

/** A float32 buffer of n elements with arbitrary contents: the caller writes every element first. */
export function f32bufUninit(n: number): Float32Array {
  return take(n) ?? new Float32Array(n);
}
