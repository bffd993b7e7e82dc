import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planStepCell, readManifest } from '~/components/runtime/step-cell-plan.ts';

describe('step cell plan', () => {
  it('lists the ops of a zoo block with shapes and sums their MACs', () => {
    const p = planStepCell({ model: 'mobilenetv2_100', scope: 'blocks.1.0' });
    expect(p.source).toEqual({ kind: 'zoo', id: 'mobilenetv2_100' });
    expect(p.ops.map((o) => o.opType)).toEqual([
      'Conv',
      'BatchNormalization',
      'Clip',
      'Conv',
      'BatchNormalization',
      'Clip',
      'Conv',
      'BatchNormalization',
    ]);
    const dw = p.ops[3];
    expect(dw.inputDims).toEqual([[1, 96, 112, 112]]);
    expect(dw.outputDims).toEqual([[1, 96, 56, 56]]);
    expect(dw.macs).toBe(96 * 56 * 56 * 9); // depthwise 3×3, stride 2 (Sandler et al. 2018, Table 2)
    expect(p.macs).toBe(p.ops.reduce((s, o) => s + o.macs, 0));
    expect(p.input).toBe('image');
  });

  it('rejects an unknown model or scope with what was received and what is expected', () => {
    expect(() => planStepCell({ model: 'mobilenetv9' })).toThrow(
      /prop "model" expects a zoo model id.*received "mobilenetv9"/,
    );
    expect(() => planStepCell({ model: 'efficientnet_b0', scope: 'blocks.42' })).toThrow(
      /prop "scope" expects a scope prefix of efficientnet_b0, such as "blocks.0.0".*received "blocks.42"/,
    );
    expect(() => planStepCell({ model: 3 })).toThrow(/received 3/);
    expect(() => planStepCell({ model: 'efficientnet_b0', scope: 'a b' })).toThrow(/scope prefix/);
  });

  it('reads a block manifest given as a list, an object with a list, or a map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ models: [{ name: 'mbconv_se', file: 'mbconv_se.onnx', sha256: 'x' }] }),
    );
    expect(readManifest(dir)).toEqual([{ name: 'mbconv_se', file: 'mbconv_se.onnx' }]);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ vit_block: { path: 'models/vit_block.onnx' } }));
    expect(readManifest(dir)).toEqual([{ name: 'vit_block', file: 'vit_block.onnx' }]);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ file: 'dws.onnx' }]));
    expect(readManifest(dir)).toEqual([{ name: 'dws', file: 'dws.onnx' }]);
    expect(readManifest(join(dir, 'missing'))).toEqual([]);
  });

  it('plans every block of the committed manifest with a random input of its declared shape', () => {
    for (const b of readManifest()) {
      const p = planStepCell({ model: b.name });
      expect(p.source).toEqual({ kind: 'onnx', url: `/models/${b.file}` });
      expect(p.input).toBe('random');
      expect(p.ops.length).toBeGreaterThan(2);
      expect(p.inputDims.length).toBeGreaterThanOrEqual(2);
    }
  });
});
