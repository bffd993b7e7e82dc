import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareTensors,
  DEFAULT_TOLERANCE,
  engineRunner,
  formatFailure,
  runConformance,
  TOLERANCE_OVERRIDES,
  type CaseRunner,
} from '~/cli/commands/conformance.ts';
import { f32, tensor } from '~/lib/engine/tensor.ts';

const shared = fileURLToPath(new URL('../../../../shared/onnx-node-tests', import.meta.url));

describe('depthwise conformance', () => {
  it('passes every ONNX conformance case in shared/onnx-node-tests', async () => {
    const report = await runConformance(shared);
    expect(report.results.length).toBe(246);
    expect(report.results.filter((r) => !r.ok).map(formatFailure)).toEqual([]);
    expect(report.passed).toBe(246);
  });

  it('fails a case when the outputs are off by more than the tolerance, naming the worst element', async () => {
    const nudged: CaseRunner = async (model, inputs) => {
      const out = await engineRunner(model, inputs);
      return out.map((t, i) => {
        if (i > 0 || t.dtype !== 'float32') return t;
        const data = Float32Array.from(t.data);
        data[data.length - 1] += 0.5;
        return f32(t.dims, data);
      });
    };
    const report = await runConformance(shared, { runner: nudged, filter: 'node/test_add_bcast' });
    expect(report.failed).toBe(1);
    const r = report.results[0];
    expect(r.reason).toBe('output 0: values differ');
    expect(r.worst?.index).toEqual([2, 3, 4]);
    expect(formatFailure(r)).toMatch(/^FAIL node\/test_add_bcast: output 0: values differ \(worst at \[2, 3, 4\]/);
  });

  it('reports a runner error as the case failure instead of stopping the run', async () => {
    const broken: CaseRunner = () => {
      throw new TypeError('boom');
    };
    const report = await runConformance(shared, { runner: broken, filter: 'node/test_sigmoid' });
    expect(report.passed).toBe(0);
    expect(report.results.every((r) => r.reason === 'crash: TypeError: boom')).toBe(true);
  });
});

describe('compareTensors', () => {
  it('accepts |a - e| ≤ atol + rtol·|e| and rejects just beyond it', () => {
    const e = f32([2], [1000, 0]);
    expect(compareTensors(f32([2], [1000.99, 9e-6]), e, DEFAULT_TOLERANCE).ok).toBe(true);
    expect(compareTensors(f32([2], [1001.1, 0]), e, DEFAULT_TOLERANCE).ok).toBe(false);
    expect(compareTensors(f32([2], [1000, 2e-5]), e, DEFAULT_TOLERANCE).ok).toBe(false);
  });

  it('matches NaN with NaN and infinities only exactly, and checks dims and dtype kind', () => {
    expect(compareTensors(f32([2], [NaN, Infinity]), f32([2], [NaN, Infinity]), DEFAULT_TOLERANCE).ok).toBe(true);
    expect(compareTensors(f32([1], [-Infinity]), f32([1], [Infinity]), DEFAULT_TOLERANCE).ok).toBe(false);
    expect(compareTensors(f32([1], [NaN]), f32([1], [0]), DEFAULT_TOLERANCE).ok).toBe(false);
    expect(compareTensors(f32([2, 1], [0, 0]), f32([2], [0, 0]), DEFAULT_TOLERANCE).reason).toMatch(/dims/);
    expect(compareTensors(tensor('bool', [1], [1]), f32([1], [1]), DEFAULT_TOLERANCE).reason).toMatch(/dtype/);
  });

  it('relaxes atol for exactly one case, the one whose expected values are rounded upstream', () => {
    expect(Object.keys(TOLERANCE_OVERRIDES)).toEqual(['node/test_averagepool_2d_ceil_last_window_starts_on_pad']);
  });
});
