import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainWeightGradient, trainingForward, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { importOnnx } from '~/lib/engine/onnx/index.ts';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { backwardBlocks, explainGradient, largestAt } from '~/lib/viz/debugger/backward-explain.ts';
import { blockBackward } from '~/workers/trained-backward.ts';

// The committed trained MobileNetV3 (SE with HardSigmoid gates, HardSwish, residual adds).
const file = new URL('../../../../public/models/trained/tiny_mobilenetv3.onnx', import.meta.url);
const graph: Graph = importOnnx(new Uint8Array(readFileSync(file)), { inputShapes: { input: [1, 1, 32, 32] } });
const input: Tensor = {
  dtype: 'float32',
  dims: [1, 1, 32, 32],
  data: Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 0.11)),
};
const LABEL = 3;

/** The loss of the whole model for `input` against LABEL, in float64 from float32 logits. */
function loss(g: Graph): number {
  const { outputs } = trainingForward(g, { input }, { training: false, inputGrads: false });
  const z = outputs[g.outputs[0].name].data as Float32Array;
  return softmaxCrossEntropy(z, 1, z.length, [LABEL], 0).loss;
}

describe('the gradient explain view (backward-explain.ts) against the engine', () => {
  const se = blockBackward(graph, input, 'blocks.2.0', LABEL);
  const res = blockBackward(graph, input, 'blocks.3.1', LABEL);

  it('offers the conv blocks and steps through them output end first', () => {
    const blocks = backwardBlocks(graph.nodes);
    expect(blocks).toContain('blocks.2.0');
    expect(blocks.every((b) => /^blocks\.\d+\.\d+$/.test(b))).toBe(true);
    expect(se.steps.map((s) => s.opType)).toEqual([
      'BatchNormalization',
      'Conv',
      'Mul',
      'HardSigmoid',
      'Conv',
      'Relu',
      'Conv',
      'GlobalAveragePool',
      'Relu',
      'BatchNormalization',
      'Conv',
      'Relu',
      'BatchNormalization',
      'Conv',
    ]);
    expect(res.steps[0].opType).toBe('Add');
  });

  it('refuses a block made of ops it cannot explain (a transformer block)', () => {
    const nodes = [
      { name: 'blocks.0.0.attn.qkv', opType: 'MatMul' },
      { name: 'blocks.0.0.attn.softmax', opType: 'Softmax' },
      { name: 'blocks.1.0.conv', opType: 'Conv' },
    ];
    expect(backwardBlocks(nodes)).toEqual(['blocks.1.0']);
  });

  it('recomputes every input and weight gradient element of an SE block and a residual block within float32 rounding', () => {
    let checked = 0;
    for (const r of [se, res])
      for (const s of r.steps)
        s.gradIns.forEach((g, slot) => {
          if (!g) return;
          const n = g.data.length;
          for (const f of new Set([0, n - 1, largestAt(g), Math.floor(n / 3), Math.floor((2 * n) / 3)])) {
            const e = explainGradient(s, slot, f);
            let abs = 0;
            for (const t of e.terms) abs += Math.abs(t.product);
            expect(Math.abs(e.value - e.engine), `${s.node} slot ${slot} at ${f}`).toBeLessThanOrEqual(
              (e.terms.length + 1) * 2 ** -24 * abs + 1e-30,
            );
            checked++;
          }
        });
    expect(checked).toBeGreaterThan(100);
  });

  it('sums the depthwise weight gradient over the same terms as the engine’s explainWeightGradient', () => {
    const s = se.steps.find((x) => x.node === 'blocks.2.0.conv_dw')!;
    const flat = largestAt(s.gradIns[1]!);
    const mine = explainGradient(s, 1, flat);
    const engine = explainWeightGradient(graph, s.node, s.inputs[0] as Tensor, s.gradOut as Tensor, flat);
    expect(mine.terms.length).toBe(engine.terms.filter((t) => !t.padding).length);
    expect(mine.value).toBeCloseTo(engine.sum, 12);
  });

  it('matches a central finite difference of the whole model’s loss for a weight of the block', () => {
    const s = se.steps.find((x) => x.node === 'blocks.2.0.conv_pwl')!;
    const flat = largestAt(s.gradIns[1]!);
    const e = explainGradient(s, 1, flat);
    const name = graph.nodes.find((n) => n.name === s.node)!.inputs[1];
    const w = graph.initializers.get(name)!;
    const at = (v: number): number => {
      const data = Float32Array.from(w.data as Float32Array);
      data[flat] = v;
      return loss({ ...graph, initializers: new Map([...graph.initializers, [name, { ...w, data }]]) });
    };
    const w0 = Number(w.data[flat]);
    const h = 1e-2 * Math.max(1e-2, Math.abs(w0));
    const fd = (at(w0 + h) - at(w0 - h)) / (2 * h);
    expect(Math.abs(fd - e.value)).toBeLessThan(0.02 * Math.abs(e.value) + 1e-6);
  });

  it('says what is out of range', () => {
    const s = se.steps[0];
    expect(() => explainGradient(s, 0, -1)).toThrow(/outside/);
    expect(() => explainGradient(s, 3, 0)).toThrow(/no gradient/);
  });
});
