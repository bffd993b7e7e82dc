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
 *
 * Inference uses a *recycling* arena instead (`newRecyclingArena`, opened around each node by
 * execute's `reuse` option): nothing returns at closing; the executor hands a buffer back with
 * `recycle` when the liveness analysis says its value's last reader has run (`lastUses`), so a
 * later node of the same run takes it by exact length, and graph outputs (never recycled) may
 * outlive the run.
 */

interface Arena {
  readonly free: Map<number, Float32Array[]>;
  used: Float32Array[];
  /** Recycling arena: buffers come back one by one through `recycle`, never at closeArena. */
  readonly recycling: boolean;
  /** The buffers this arena made (recycle refuses any other: feeds, weights, views). */
  readonly owned: WeakSet<ArrayBufferLike>;
}

let current: Arena | undefined;

/** A reusable arena (one per trainer: its free buffers persist between steps). */
export function newArena(): Arena {
  return { free: new Map(), used: [], recycling: false, owned: new WeakSet() };
}

/** An arena for one inference run: see the file comment. */
export function newRecyclingArena(): Arena {
  return { free: new Map(), used: [], recycling: true, owned: new WeakSet() };
}

/** Makes `a` (or none) the open arena and returns the one open before, to restore afterwards. */
export function swapArena(a: Arena | undefined): Arena | undefined {
  const prev = current;
  current = a;
  return prev;
}

/** The open arena, if any. */
export function openedArena(): Arena | undefined {
  return current;
}

/**
 * Hands a whole buffer made by recycling arena `a` back to it; the caller guarantees nothing reads
 * it any more. Returns false (and keeps nothing) for anything else.
 */
export function recycle(a: Arena, data: unknown): boolean {
  if (!a.recycling || !(data instanceof Float32Array) || !a.owned.has(data.buffer)) return false;
  if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) return false;
  const list = a.free.get(data.length);
  if (list) list.push(data);
  else a.free.set(data.length, [data]);
  return true;
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
  if (a.recycling) a.owned.add(b.buffer);
  else a.used.push(b);
  return b;
}

/**
 * A zeroed float32 buffer for a tensor's data: from the open arena only when it is a recycling one
 * (inference), else fresh. Training arenas keep to the kernels that opt in with f32buf.
 */
export function f32data(n: number): Float32Array {
  return current?.recycling ? f32buf(n) : new Float32Array(n);
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
