import { describe, expect, it } from 'vitest';
import { analyze, runGraph, type Tensor } from '~/lib/engine/index.ts';
import { buildFromSpec, getModel, materialize, referenceInput, resolveCnn, type CnnSpec } from '~/lib/models/index.ts';
import { latencyUnits, unitGraph, type UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import {
  compareTimings,
  cutPieces,
  stageTimes,
  targetPieces,
  timingGroups,
  type LatencyTarget,
} from '~/lib/viz/lessons/latency-pieces.ts';

const spec = getModel('semnasnet_100').spec as CnnSpec;
const small: CnnSpec = { ...spec, resolution: 64 };
const g = buildFromSpec(small, { name: 'a1' });
const a = analyze(g);
const timing = (key: string, medianMs: number): UnitTiming => ({
  key,
  medianMs,
  q1Ms: medianMs,
  q3Ms: medianMs,
  runs: 5,
});

describe('cutting a spec into stages, a tail, the whole model and a two-block sample', () => {
  it('stage cut: stem, one piece per stage (MnasNet-A1 has 7), head; MACs and params add up to the model', () => {
    const pieces = cutPieces(g, a, 'a1', { kind: 'stage' });
    expect(pieces.map((p) => p.scope)).toEqual(['stem', ...[0, 1, 2, 3, 4, 5, 6].map((s) => `blocks.${s}`), 'head']);
    expect(pieces.map((p) => p.key)[1]).toBe('a1/blocks.0');
    expect(pieces.reduce((s, p) => s + p.macs, 0)).toBe(a.macs);
    expect(pieces.reduce((s, p) => s + p.params, 0)).toBe(a.params);
    // A stage's MACs are the sum of its blocks' (the block cut, counted separately).
    const blocks = latencyUnits(g, a, 'a1', 'block').filter((u) => u.stage === 3);
    expect(pieces.find((p) => p.scope === 'blocks.3')!.macs).toBe(blocks.reduce((s, u) => s + u.macs, 0));
  });

  it('tail cut: everything from the stage on, head included, one input (the stage before) and the logits out', () => {
    const [tail] = cutPieces(g, a, 'a1', { kind: 'tail', from: 6 });
    expect(tail.key).toBe('a1/tail');
    const stage6 = latencyUnits(g, a, 'a1', 'block').filter((u) => u.stage >= 6);
    expect(tail.macs).toBe(stage6.reduce((s, u) => s + u.macs, 0));
    expect(tail.inputs).toHaveLength(1);
    expect(tail.inputs[0].dims).toEqual([1, 160, 2, 2]); // MnasNet-A1 stage 6 reads stage 5's 160 channels (Fig. 7)
    expect(tail.outputs.map((o) => o.name)).toEqual(g.outputs.map((o) => o.name));
    expect(() => cutPieces(g, a, 'a1', { kind: 'tail', from: 7 })).toThrow(/0…6/);
  });

  it('model cut: one piece, the graph itself, which runs to the same logits', () => {
    const [m] = cutPieces(g, a, 'a1', { kind: 'model' });
    expect(m.macs).toBe(a.macs);
    const w = materialize(g, 0);
    const x = referenceInput(64);
    const full = runGraph(w, { input: x });
    const piece = runGraph(unitGraph(w, m), { [m.inputs[0].name]: x });
    const out = g.outputs[0].name;
    expect(Array.from((piece[out] as Tensor).data)).toEqual(Array.from((full[out] as Tensor).data));
  });

  it('sample cut: blocks 0 and 1 of every stage only (one for a one-block stage)', () => {
    const pieces = cutPieces(g, a, 'a1', { kind: 'sample' });
    const perStage = resolveCnn(small).blocks.reduce<number[]>((c, b) => ((c[b.stage] = (c[b.stage] ?? 0) + 1), c), []);
    expect(pieces.map((p) => p.scope)).toEqual(
      perStage.flatMap((n, s) => (n > 1 ? [`blocks.${s}.0`, `blocks.${s}.1`] : [`blocks.${s}.0`])),
    );
  });

  it('targetPieces builds the spec and concatenates its cuts', () => {
    const t: LatencyTarget = { id: 'x', spec: small, cuts: [{ kind: 'tail', from: 5 }, { kind: 'model' }] };
    expect(targetPieces(t).map((p) => p.key)).toEqual(['x/tail', 'x/model']);
  });
});

describe('timing groups and stage times', () => {
  it("'all' is one group; 'stage' groups by stage number across targets, in first-seen order", () => {
    const fused = cutPieces(g, a, 'f', { kind: 'sample' });
    const mb = cutPieces(g, a, 'm', { kind: 'sample' });
    expect(timingGroups([...fused, ...mb], 'all')).toEqual([[...fused, ...mb].map((p) => p.key)]);
    const groups = timingGroups([...fused, ...mb], 'stage');
    expect(groups).toHaveLength(7);
    expect(groups[2]).toEqual(['f/blocks.2.0', 'f/blocks.2.1', 'm/blocks.2.0', 'm/blocks.2.1']);
    expect(timingGroups([], 'all')).toEqual([]);
  });

  it('a stage takes its first block plus (n − 1) × its second; unmeasured stages are left out', () => {
    const t = [
      timing('f/blocks.0.0', 2),
      timing('f/blocks.1.0', 3),
      timing('f/blocks.1.1', 1.5),
      timing('f/blocks.2.0', 4),
    ];
    expect(stageTimes('f', [1, 4, 3], t)).toEqual([
      { stage: 0, blocks: 1, ms: 2 },
      { stage: 1, blocks: 4, ms: 3 + 3 * 1.5 },
    ]);
    expect(stageTimes('g', [1, 4], t)).toEqual([]);
  });

  it('the repeated blocks of a stage are one shape: the second block stands for the rest (B4, all fused)', () => {
    const b4 = getModel('efficientnet_b4').spec as CnnSpec;
    const gb = buildFromSpec({ ...b4, resolution: 96 });
    const units = latencyUnits(gb, analyze(gb), 'b4', 'block').filter((u) => u.kind === 'block');
    for (let s = 0; s < 7; s++) {
      const rest = units.filter((u) => u.stage === s && !u.scope.endsWith('.0'));
      for (const u of rest) {
        expect([u.macs, u.params]).toEqual([rest[0].macs, rest[0].params]);
        expect(u.inputs[0].dims).toEqual(rest[0].inputs[0].dims);
      }
    }
  });
});

describe('comparing two medians', () => {
  it('ratio is a ÷ b and the saving a − b, both from the medians', () => {
    const c = compareTimings(timing('o', 8.4), timing('e', 2.8))!;
    expect(c.ratio).toBeCloseTo(3, 12);
    expect(c.savedMs).toBeCloseTo(5.6, 12);
    expect([c.aMs, c.bMs]).toEqual([8.4, 2.8]);
  });
  it('is null when either is missing, zero, negative or not finite', () => {
    expect(compareTimings(undefined, timing('e', 1))).toBeNull();
    expect(compareTimings(timing('o', 0), timing('e', 1))).toBeNull();
    expect(compareTimings(timing('o', 1), timing('e', NaN))).toBeNull();
    expect(compareTimings(timing('o', -1), timing('e', 1))).toBeNull();
  });
});
