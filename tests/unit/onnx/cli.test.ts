import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCommand } from '~/cli/commands/run.ts';
import { parseInputShapes, run as summaryCommand } from '~/cli/commands/summary.ts';
import { runGraph } from '~/lib/engine/index.ts';
import { decodeNamedTensor } from '~/lib/engine/onnx/decode-tensor.ts';
import { encodeTensor } from '~/lib/engine/onnx/encode-tensor.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { prng, randomTensor, smallCnn } from './helpers.ts';

let dir = '';
const x = randomTensor([1, 3, 8, 8], prng(9));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'depthwise-cli-'));
  await writeFile(join(dir, 'model.onnx'), exportOnnx(smallCnn()));
  await writeFile(join(dir, 'x.pb'), encodeTensor(x, 'x'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function captured(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    return { code: await fn(), out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('depthwise run', () => {
  it('--trace writes every node output as a TensorProto and an index in execution order', async () => {
    const trace = join(dir, 'trace');
    const { code, out } = await captured(() =>
      runCommand([join(dir, 'model.onnx'), '--input', join(dir, 'x.pb'), '--trace', trace, '--json']),
    );
    expect(code).toBe(0);
    const all = runGraph(smallCnn(), { x }, { keepAll: true });
    const index = JSON.parse(await readFile(join(trace, 'index.json'), 'utf8')) as {
      node: string;
      op: string;
      output: string;
      dims: number[];
      file: string;
    }[];
    expect(index.map((e) => e.op)).toEqual(['Conv', 'Clip', 'GlobalAveragePool', 'Flatten', 'Gemm']);
    for (const e of index) {
      const { name, tensor } = decodeNamedTensor(await readFile(join(trace, e.file)));
      expect(name).toBe(e.output);
      expect(tensor.dims).toEqual(e.dims);
      expect([...tensor.data]).toEqual([...all[e.output].data]);
    }
    const json = JSON.parse(out) as {
      outputs: { name: string; dims: number[]; top: { index: number; value: number }[] }[];
    };
    expect(json.outputs[0].dims).toEqual([1, 5]);
    const y = [...all.y.data];
    expect(json.outputs[0].top[0].value).toBe(Math.max(...y));
  });

  it('refuses a call with the wrong number of inputs', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(
      await runCommand([join(dir, 'model.onnx'), '--input', join(dir, 'x.pb'), '--input', join(dir, 'x.pb')]),
    ).toBe(2);
    spy.mockRestore();
  });
});

describe('depthwise summary', () => {
  it('--json gives params, MACs and one row per node from static analysis', async () => {
    const { code, out } = await captured(() => summaryCommand([join(dir, 'model.onnx'), '--json']));
    expect(code).toBe(0);
    const s = JSON.parse(out) as { params: number; macs: number; layers: { node: string; macs: number }[] };
    // Conv 4×3×3×3 + 4 bias, Gemm 5×4 + 5 bias; Clip's scalar bounds 2.
    expect(s.params).toBe(108 + 4 + 20 + 5 + 2);
    // Conv: 4 out channels × 4×4 positions × 27; Gemm: 5 × 4.
    expect(s.macs).toBe(4 * 16 * 27 + 20);
    expect(s.layers.map((l) => l.node)).toEqual(smallCnn().nodes.map((n) => n.name));
  });

  it('prints a table with a totals line', async () => {
    const { out } = await captured(() => summaryCommand([join(dir, 'model.onnx')]));
    expect(out).toMatch(/^name\s+op\s+kernel\s+stride\s+groups/);
    expect(out).toMatch(/\/features\/conv\/Conv\s+Conv\s+3×3\s+2×2\s+1\s+\[1×3×8×8\]/);
    expect(out).toMatch(/params 139 · MACs 1,748 · FLOPs \(2 × MACs\) 3,496/);
  });

  it('parses --input-shape flags and rejects malformed ones', () => {
    expect(parseInputShapes(['m.onnx', '--input-shape', 'x=1,3,224,224'])).toEqual({ x: [1, 3, 224, 224] });
    expect(() => parseInputShapes(['--input-shape', 'x:1,3'])).toThrow(/name=d0,d1/);
  });
});
