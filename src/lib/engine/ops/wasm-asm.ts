/**
 * A minimal WebAssembly assembler: just the instructions the engine's kernels use (core + SIMD).
 * Every instruction carries its text form beside its bytes, so one kernel source gives both the
 * module the engine runs and the WAT listing a reader reads (`watOf`; the committed listing
 * wasm-kernels.wat is checked against both by tests/unit/engine/wasm-listing.test.ts).
 * Locals are declared by name (`func`) and read by name; the assembler numbers them.
 */

/** Value types (their binary codes). */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F32 | typeof V128;
const TYPE_NAME: Record<number, string> = { [I32]: 'i32', [F32]: 'f32', [V128]: 'v128' };

/** One instruction: its WAT text and its encoding. `local` names the local a local.* op reads or writes. */
export interface Ins {
  readonly text: string;
  readonly bytes: readonly number[];
  readonly local?: Local;
  /** +1 opens a block (loop, if), −1 closes it (end): indentation of the listing. */
  readonly nest?: 1 | -1;
}
export type Code = Ins[];

/** A named local (or parameter) of one function. */
export interface Local {
  readonly name: string;
  readonly index: number;
  readonly type: ValType;
}

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const ins = (text: string, ...bytes: number[]): Code => [{ text, bytes }];
const localOp =
  (op: string, code: number) =>
  (l: Local): Code => [{ text: op, bytes: [code, ...uleb(l.index)], local: l }];

export const get = localOp('local.get', 0x20);
export const set = localOp('local.set', 0x21);
export const tee = localOp('local.tee', 0x22);
export const i32c = (v: number): Code => ins(`i32.const ${v}`, 0x41, ...sleb(v));
/** An f32 constant; the text is the float32 value's exact decimal (so the listing assembles to the same bits). */
export const f32c = (v: number): Code =>
  ins(`f32.const ${Math.fround(v)}`, 0x43, ...new Uint8Array(new Float32Array([v]).buffer));
export const add = ins('i32.add', 0x6a);
export const mul = ins('i32.mul', 0x6c);
export const ltU = ins('i32.lt_u', 0x49);
export const and = ins('i32.and', 0x71);
export const eq = ins('i32.eq', 0x46);
/** Bulk memory (WebAssembly 2.0): memory.fill(dst, byte, bytes) on memory 0. */
export const memoryFill = ins('memory.fill', 0xfc, 0x0b, 0x00);
/** select(a, b, cond): a if cond ≠ 0, else b. */
export const select = ins('select', 0x1b);
/** br_if to the innermost enclosing loop (continue). */
export const continueIf = ins('br_if 0', 0x0d, 0x00);
const simd = (text: string, op: number, ...imm: number[]): Code => ins(text, 0xfd, ...uleb(op), ...imm);
/** Memory access: alignment as log2 bytes (natural here, so the text omits it), then the offset. */
const memOp =
  (text: string, op: number, align: number) =>
  (offset: number): Code =>
    simd(offset === 0 ? text : `${text} offset=${offset}`, op, ...uleb(align), ...uleb(offset));
/** f32.store (natural alignment). */
export const f32Store = (offset: number): Code =>
  ins(offset === 0 ? 'f32.store' : `f32.store offset=${offset}`, 0x38, 2, ...uleb(offset));
/** f32.load (natural alignment). */
export const f32Load = (offset: number): Code =>
  ins(offset === 0 ? 'f32.load' : `f32.load offset=${offset}`, 0x2a, 2, ...uleb(offset));
export const v128Load = memOp('v128.load', 0x00, 4);
export const v128Store = memOp('v128.store', 0x0b, 4);
export const load32Splat = memOp('v128.load32_splat', 0x09, 2);
/** v128.load32_lane: [address, vector] → the vector with one lane replaced by the float at the address. */
export const load32Lane = (lane: number): Code => simd(`v128.load32_lane ${lane}`, 0x56, 2, 0, lane);
export const f32x4Splat = simd('f32x4.splat', 0x13);
export const f32x4Add = simd('f32x4.add', 0xe4);
export const f32x4Mul = simd('f32x4.mul', 0xe6);
/** Relaxed SIMD a·b + c: fused or not, as the platform does it (probe before relying on either). */
export const f32x4RelaxedMadd = simd('f32x4.relaxed_madd', 0x105);
export const f32x4Min = simd('f32x4.min', 0xe8);
export const f32x4Max = simd('f32x4.max', 0xe9);
export const f32x4Sub = simd('f32x4.sub', 0xe5);
export const f32x4Div = simd('f32x4.div', 0xe7);
export const f32x4Nearest = simd('f32x4.nearest', 0x6a);
export const f32x4Abs = simd('f32x4.abs', 0xe0);
export const f32x4Ge = simd('f32x4.ge', 0x46);
/** Lanes of the first operand where the mask (on top) is set, else of the second. */
export const v128Bitselect = simd('v128.bitselect', 0x52);
export const f32Eq = ins('f32.eq', 0x5b);
export const f32x4ExtractLane = (lane: number): Code => simd(`f32x4.extract_lane ${lane}`, 0x1f, lane);
export const i32x4TruncSatF32x4S = simd('i32x4.trunc_sat_f32x4_s', 0xf8);
export const i32x4Shl = simd('i32x4.shl', 0xab);
export const i32x4Add = simd('i32x4.add', 0xae);
/** A v128 constant with the same float32 in every lane. */
export const f32x4Const = (v: number): Code => {
  const b = Array.from(new Uint8Array(new Float32Array([v, v, v, v]).buffer));
  const f = Math.fround(v);
  return simd(`v128.const f32x4 ${f} ${f} ${f} ${f}`, 0x0c, ...b);
};
export const v128Zero = simd('v128.const i32x4 0 0 0 0', 0x0c, ...new Array<number>(16).fill(0));
const EVEN = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];
/** i8x16.shuffle picking f32 lanes 0 and 2 of each operand: the even elements of 8 floats. */
export const evenLanes = simd(`i8x16.shuffle ${EVEN.join(' ')}`, 0x0d, ...EVEN);
const block = (open: Code, body: Code): Code => [
  { ...open[0], nest: 1 },
  ...body,
  { text: 'end', bytes: [0x0b], nest: -1 },
];
export const loop = (body: Code): Code => block(ins('loop', 0x03, 0x40), body);
export const ifThen = (body: Code): Code => block(ins('if', 0x04, 0x40), body);
/**
 * A counted loop's last step: `counter += step` (a constant or a local), then round again while
 * counter < end (unsigned). Every kernel's loops end this way.
 */
export const nextWhileBelow = (counter: Local, step: number | Local, end: Local): Code => [
  ...get(counter),
  ...(typeof step === 'number' ? i32c(step) : get(step)),
  ...add,
  ...tee(counter),
  ...get(end),
  ...ltU,
  ...continueIf,
];
/** while (p < end) { body; p += step }: the loop entered only when p starts below end. */
export const whileBelow = (p: Local, end: Local, step: number, body: Code): Code => [
  ...get(p),
  ...get(end),
  ...ltU,
  ...ifThen(loop([...body, ...nextWhileBelow(p, step, end)])),
];
export const ifElse = (then: Code, otherwise: Code): Code =>
  block(ins('if', 0x04, 0x40), [...then, { text: 'else', bytes: [0x05] }, ...otherwise]);

export interface FuncDef {
  readonly name: string;
  readonly params: readonly Local[];
  readonly results?: readonly ValType[];
  /** Locals after the params, in declaration order. */
  readonly locals: readonly Local[];
  readonly body: Code;
}

/**
 * Declares a function's parameters and locals by name: `func('gemm', { M4: I32 }, { I: I32 })`
 * gives `{ l: { M4, I }, def(body) }`, where each `l.X` is the local to pass to get/set/tee.
 */
export function func<P extends Record<string, ValType>, L extends Record<string, ValType>>(
  name: string,
  params: P,
  locals: L,
  results: readonly ValType[] = [],
): { l: { readonly [K in keyof P | keyof L]: Local }; def: (body: Code) => FuncDef } {
  const all = [...Object.entries(params), ...Object.entries(locals)].map(([n, type], index) => ({
    name: n,
    index,
    type,
  }));
  const np = Object.keys(params).length;
  const clash = Object.keys(locals).filter((n) => n in params);
  if (clash.length > 0) throw new Error(`${name}: locals named like parameters: ${clash.join(', ')}`);
  const l = Object.fromEntries(all.map((x) => [x.name, x])) as { readonly [K in keyof P | keyof L]: Local };
  return { l, def: (body) => ({ name, params: all.slice(0, np), results, locals: all.slice(np), body }) };
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const str = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** Local declarations as runs of one type: [count, type] groups. */
function localGroups(locals: readonly Local[]): number[][] {
  const groups: number[][] = [];
  for (const x of locals) {
    const last = groups[groups.length - 1];
    if (last && last[1] === x.type) last[0]++;
    else groups.push([1, x.type]);
  }
  return groups.map(([n, t]) => [...uleb(n), t]);
}

/**
 * A shared memory import: with it, a second instance of the module (in a worker) works on the same
 * bytes. The threads proposal requires a shared memory to declare its maximum (its limits flag is
 * 0x03: has-max | shared) so an engine can reserve it up front and never move it
 * (https://github.com/WebAssembly/threads/blob/main/proposals/threads/Overview.md#shared-linear-memory).
 */
export interface SharedMemoryLimits {
  /** Initial and maximum size in 64 KiB pages. */
  readonly initial: number;
  readonly maximum: number;
}

/** The memory import's limits: 0x00 min (unshared, as before), or 0x03 min max (shared). */
function memoryLimits(shared?: SharedMemoryLimits): number[] {
  return shared ? [0x03, ...uleb(shared.initial), ...uleb(shared.maximum)] : [0x00, ...uleb(1)];
}

/** A module importing one memory (env.mem; shared when `shared` is given) and exporting the given functions. */
export function moduleOf(funcs: readonly FuncDef[], shared?: SharedMemoryLimits): Uint8Array {
  // One type per distinct signature, as wat2wasm emits them.
  const sigs = funcs.map((f) => [
    0x60,
    ...vec(f.params.map((p) => [p.type])),
    ...vec((f.results ?? []).map((r) => [r])),
  ]);
  const distinct = [...new Set(sigs.map((t) => t.join()))];
  const type = section(1, vec(distinct.map((t) => t.split(',').map(Number))));
  const imports = section(2, vec([[...str('env'), ...str('mem'), 0x02, ...memoryLimits(shared)]]));
  const fsec = section(3, vec(sigs.map((t) => uleb(distinct.indexOf(t.join())))));
  const exports = section(7, vec(funcs.map((f, i) => [...str(f.name), 0x00, ...uleb(i)])));
  const code = section(
    10,
    vec(
      funcs.map((f) => {
        const body = [...vec(localGroups(f.locals)), ...f.body.flatMap((x) => x.bytes), 0x0b];
        return [...uleb(body.length), ...body];
      }),
    ),
  );
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...type,
    ...imports,
    ...fsec,
    ...exports,
    ...code,
  ]);
}

/** The same module as WebAssembly text (flat instruction syntax, locals by name). */
export function watOf(funcs: readonly FuncDef[], shared?: SharedMemoryLimits): string {
  const memory = shared ? `${shared.initial} ${shared.maximum} shared` : '1';
  const out = ['(module', `  (import "env" "mem" (memory ${memory}))`];
  for (const f of funcs) {
    const params = f.params.map((p) => `(param $${p.name} ${TYPE_NAME[p.type]})`).join(' ');
    const results = (f.results ?? []).map((r) => ` (result ${TYPE_NAME[r]})`).join('');
    out.push(`  (func $${f.name} (export "${f.name}") ${params}${results}`);
    for (const x of f.locals) out.push(`    (local $${x.name} ${TYPE_NAME[x.type]})`);
    let depth = 2;
    for (const x of f.body) {
      if (x.nest === -1) depth--;
      const indent = x.text === 'else' ? depth - 1 : depth;
      out.push(`${'  '.repeat(indent)}${x.text}${x.local ? ` $${x.local.name}` : ''}`);
      if (x.nest === 1) depth++;
    }
    out[out.length - 1] += ')';
  }
  out[out.length - 1] += ')';
  return out.join('\n') + '\n';
}
