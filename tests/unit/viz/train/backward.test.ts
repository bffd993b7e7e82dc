import { describe, expect, it } from 'vitest';
import { moveStep, stepExplanation, stepIndexOf, stepTitle } from '../../../../src/lib/viz/train/train-backward.ts';
import { inspectWeights } from '../../../../src/workers/train-probe.ts';
import { configGraph } from '../../../../src/lib/viz/train/train-graph.ts';
import { DEFAULT_CONFIG } from '../../../../src/lib/viz/train/train-config.ts';
import { subsetImageSet, subsetUrls } from '../../../../src/lib/viz/train/train-data.ts';
import { readFileSync } from 'node:fs';

const train = (() => {
  const u = subsetUrls('train', 'public/data/fashion-mnist/');
  return subsetImageSet('train', new Uint8Array(readFileSync(u.images)), new Uint8Array(readFileSync(u.labels)));
})();

describe('backward stepper', () => {
  it('walks the block of the chosen layer from its output end to its input, as the engine visits it', () => {
    const g = configGraph(DEFAULT_CONFIG);
    const r = inspectWeights(g, Object.fromEntries(g.initializers), train, {
      layer: 'blocks.1.0.conv_dw',
      m: 0,
      ky: 1,
      kx: 1,
      images: 4,
      step: 0,
    });
    expect(r.block).toBe('blocks.1.0');
    // Forward order of the block's nodes, reversed.
    const forward = g.nodes
      .filter((n) => n.scope === 'blocks.1.0' || n.scope.startsWith('blocks.1.0.'))
      .map((n) => n.name);
    expect(r.steps.map((s) => s.node)).toEqual([...forward].reverse());
    const i = stepIndexOf(r.steps, 'blocks.1.0.conv_dw');
    expect(i).toBe(r.steps.length - 1);
    const dw = r.steps[i];
    expect(dw.opType).toBe('Conv');
    // The depthwise conv's weight-gradient norm is the one the norms list reports for it.
    expect(dw.weightNorm).toBeCloseTo(r.norms.find((n) => n.node === 'blocks.1.0.conv_dw')!.norm, 6);
    // Gradients flow: what a node receives equals what the next node towards the output sent it,
    // where the two are the same value (a chain without branches inside this block).
    for (let k = 1; k < r.steps.length; k++) {
      const prev = r.steps[k - 1];
      const cur = r.steps[k];
      const n = g.nodes.find((x) => x.name === cur.node)!;
      const p = g.nodes.find((x) => x.name === prev.node)!;
      if (p.inputs[0] === n.outputs[0] && g.nodes.filter((x) => x.inputs.includes(n.outputs[0])).length === 1) {
        expect(Array.from(cur.gradOut!.data as Float32Array)).toEqual(Array.from(prev.gradIn!.data as Float32Array));
      }
    }
    expect(dw.gradOut!.dims[0]).toBe(1);
  });

  it('moves within bounds and names each step', () => {
    expect(moveStep(5, 0, -1)).toBe(0);
    expect(moveStep(5, 4, 1)).toBe(4);
    expect(moveStep(5, 2, 1)).toBe(3);
    expect(stepIndexOf([{ node: 'a', opType: 'Add', weightNorm: null }], 'zzz')).toBe(0);
    expect(
      stepTitle(
        [
          { node: 'a', opType: 'Add', weightNorm: null },
          { node: 'b', opType: 'Relu', weightNorm: null },
        ],
        1,
      ),
    ).toBe('Backward step 2 of 2: b (Relu)');
    expect(stepExplanation('Relu')).toMatch(/positive/);
    expect(stepExplanation('Gemm')).toBe('Gemm: its own gradient rule');
  });
});
