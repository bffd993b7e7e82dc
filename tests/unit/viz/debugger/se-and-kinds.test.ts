import { describe, expect, it } from 'vitest';
import { buildModel } from '~/lib/models/index.ts';
import { detailKinds, explainedAt } from '~/lib/viz/debugger/detail-kind.ts';
import { seBars, seScale } from '~/lib/viz/lessons/se-bars.ts';
import { findSeBlocks } from '~/lib/viz/lessons/se-nodes.ts';

describe('squeeze-and-excitation bars', () => {
  it('lays each vector out on its own symmetric scale and the gate on [0, 1]', () => {
    const L = seBars(
      [
        { label: 'squeeze', values: [2, -1, 0.5, 1] },
        { label: 'gate', values: [0, 0.5, 1, 0.25], domain: [0, 1] },
      ],
      400,
      50,
      10,
    );
    expect(L.rows).toHaveLength(2);
    const [sq, gate] = L.rows;
    expect(sq.domain).toEqual([-2, 2]);
    expect(sq.baseline).toBe(10 + 25); // 0 sits mid-plot
    expect(sq.bars[0].h).toBeCloseTo(25); // +2 fills the upper half
    expect(sq.bars[1].negative).toBe(true);
    expect(sq.bars[1].y).toBe(sq.baseline); // negative bars hang below the baseline
    expect(gate.domain).toEqual([0, 1]);
    expect(gate.baseline).toBe(gate.top + 10 + 50);
    expect(gate.bars[2].h).toBeCloseTo(50);
    expect(gate.bars[1].h).toBeCloseTo(25);
    expect(L.height).toBe(2 * (10 + 50) + 10);
    expect(sq.bars[3].x).toBeGreaterThan(sq.bars[2].x);
  });

  it('uses [0, max] for an all-positive vector such as the squeezed means after ReLU', () => {
    const [row] = seBars([{ label: 'squeeze', values: [1, 4, 2] }], 300, 40, 0).rows;
    expect(row.domain).toEqual([0, 4]);
    expect(row.baseline).toBe(40);
    expect(row.bars[1].h).toBeCloseTo(40);
  });

  it('scales a value by its channel gate', () => {
    expect(seScale(3, 0.25)).toBe(0.75);
  });

  it('finds every SE block of EfficientNet-B0 with its squeeze, gate and scaling Mul', () => {
    const g = buildModel('efficientnet_b0');
    const blocks = findSeBlocks(g.nodes);
    expect(blocks).toHaveLength(16); // every MBConv of B0 has SE (Tan & Le 2019, Table 1)
    const b = blocks[0];
    expect(b.squeeze).toBe('blocks.0.0.se');
    expect(b.reduce).toBe('blocks.0.0.se.conv_reduce');
    expect(b.act).toBe('blocks.0.0.se.act1.Mul');
    expect(b.gate).toBe('blocks.0.0.se.gate');
    expect(b.scaled).toBe('blocks.0.0.se.Mul');
    expect(g.nodes[b.end - 1].name).toBe('blocks.0.0.se.Mul');
  });

  it('finds MobileNetV3’s hard-sigmoid gates and none in MobileNetV2', () => {
    const v3 = findSeBlocks(buildModel('mobilenetv3_large_100').nodes);
    expect(v3.length).toBe(8); // SE in the 5×5 and last-stage blocks (Howard et al. 2019, Table 1)
    expect(v3[0].gate).toBe('blocks.2.0.se.gate');
    expect(findSeBlocks(buildModel('mobilenetv2_100').nodes)).toHaveLength(0);
  });
});

describe('detail kinds', () => {
  it('gives convs, BatchNorm, SiLU as Mul(x, sigmoid x), SE ranges and residual adds their views', () => {
    const g = buildModel('efficientnet_b0');
    const kinds = detailKinds(g.nodes);
    const at = (name: string) => kinds[g.nodes.findIndex((n) => n.name === name)];
    expect(at('conv_stem')).toEqual({ kind: 'conv' });
    expect(at('bn1')).toEqual({ kind: 'batchnorm' });
    expect(at('bn1.Mul')).toEqual({ kind: 'activation', fn: 'SiLU', inputSlot: 0 });
    expect(at('bn1.Sigmoid')).toEqual({ kind: 'activation', fn: 'Sigmoid', inputSlot: 0 });
    expect(at('blocks.1.0.se.conv_reduce').kind).toBe('se');
    expect(at('blocks.2.1')).toEqual({ kind: 'add' });
  });

  it('shows ReLU6 as an activation in MobileNetV2', () => {
    const g = buildModel('mobilenetv2_100');
    const kinds = detailKinds(g.nodes);
    expect(kinds[g.nodes.findIndex((n) => n.name === 'bn1.Clip')]).toEqual({
      kind: 'activation',
      fn: 'Clip',
      inputSlot: 0,
    });
    expect(kinds[g.nodes.findIndex((n) => n.opType === 'Flatten')]).toEqual({ kind: 'none' });
  });
});

describe('the explained output element', () => {
  it('reads the selected channel and pixel of an NCHW or [N, C, L] output', () => {
    expect(explainedAt([1, 32, 112, 112], 5, [7, 9])).toEqual({ c: 5, y: 7, x: 9 });
    expect(explainedAt([1, 8, 50], 3, [0, 41])).toEqual({ c: 3, x: 41 });
  });

  it('takes a wrapped score vector at the cell under the pixel, clamped to its length', () => {
    // 1000 scores wrap into rows of 32: row 2, column 5 is score 69; the last row holds only 8,
    // so a blank cell past them (row 31, column 20 would be 1012) gives the last score.
    expect(explainedAt([1, 1000], 0, [2, 5])).toEqual({ c: 69 });
    expect(explainedAt([1, 1000], 0, [31, 20])).toEqual({ c: 999 });
  });

  it('takes a token matrix at (row, column)', () => {
    expect(explainedAt([197, 192], 0, [4, 100])).toEqual({ n: 4, c: 100 });
  });
});
