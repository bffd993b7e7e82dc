/** A minimal WebAssembly assembler: just the opcodes the engine's kernels use (core + SIMD). */

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

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

export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

export const get = (i: number): number[] => [0x20, ...uleb(i)];
export const set = (i: number): number[] => [0x21, ...uleb(i)];
export const tee = (i: number): number[] => [0x22, ...uleb(i)];
export const i32c = (v: number): number[] => [0x41, ...sleb(v)];
export const f32c = (v: number): number[] => [0x43, ...new Uint8Array(new Float32Array([v]).buffer)];
export const add = [0x6a];
export const mul = [0x6c];
export const ltU = [0x49];
export const eq = [0x46];
/** br_if to the innermost enclosing loop (continue). */
export const continueIf = [0x0d, 0x00];
export const simd = (op: number, ...imm: number[]): number[] => [0xfd, ...uleb(op), ...imm];
const memarg = (align: number, offset: number): number[] => [...uleb(align), ...uleb(offset)];
export const v128Load = (offset: number): number[] => simd(0x00, ...memarg(4, offset));
export const v128Store = (offset: number): number[] => simd(0x0b, ...memarg(4, offset));
export const load32Splat = (offset: number): number[] => simd(0x09, ...memarg(2, offset));
export const f32x4Splat = simd(0x13);
export const f32x4Add = simd(0xe4);
export const f32x4Mul = simd(0xe6);
/** Relaxed SIMD a·b + c: fused or not, as the platform does it (probe before relying on either). */
export const f32x4RelaxedMadd = simd(0x105);
export const f32x4Min = simd(0xe8);
export const f32x4Max = simd(0xe9);
export const f32x4Sub = simd(0xe5);
export const f32x4Div = simd(0xe7);
export const f32x4Nearest = simd(0x6a);
export const i32x4TruncSatF32x4S = simd(0xf8);
export const i32x4Shl = simd(0xab);
export const i32x4Add = simd(0xae);
export const v128Zero = simd(0x0c, ...new Array<number>(16).fill(0));
/** i8x16.shuffle picking f32 lanes 0 and 2 of each operand: the even elements of 8 floats. */
export const evenLanes = simd(0x0d, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27);
export const loop = (body: number[]): number[] => [0x03, 0x40, ...body, 0x0b];
export const ifThen = (body: number[]): number[] => [0x04, 0x40, ...body, 0x0b];

export interface FuncDef {
  readonly name: string;
  readonly params: readonly number[];
  readonly results?: readonly number[];
  /** Local declarations after the params: [count, type] groups. */
  readonly locals: readonly (readonly [number, number])[];
  readonly body: number[];
}

/** A module importing one memory (env.mem) and exporting the given functions. */
export function moduleOf(funcs: readonly FuncDef[]): Uint8Array {
  const type = section(1, vec(funcs.map((f) => [0x60, ...vec(f.params.map((p) => [p])), ...vec((f.results ?? []).map((r) => [r]))])));
  const imports = section(2, vec([[...name('env'), ...name('mem'), 0x02, 0x00, ...uleb(1)]]));
  const fsec = section(3, vec(funcs.map((_, i) => uleb(i))));
  const exports = section(7, vec(funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)])));
  const code = section(
    10,
    vec(funcs.map((f) => {
      const body = [...vec(f.locals.map(([n, t]) => [...uleb(n), t])), ...f.body, 0x0b];
      return [...uleb(body.length), ...body];
    })),
  );
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...fsec, ...exports, ...code]);
}
