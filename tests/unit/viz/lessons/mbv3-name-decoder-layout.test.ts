import { describe, expect, it } from 'vitest';
import { decodeName, SEED_NAMES } from '../../../../src/lib/viz/lessons/mbv3-names.ts';
import {
  modelHref,
  nameDecoderControls,
  nameDecoderReadouts,
  partRows,
  type DecodedView,
} from '../../../../src/lib/viz/lessons/mbv3-name-decoder-layout.ts';

const view = (name: string): DecodedView => {
  const d = decodeName(name);
  return { name, zooId: d.zooId, parts: d.parts, params: '1 (1)', timm: '2.04 M', macs: '3' };
};

describe('the name decoder on the kit', () => {
  it('one select over the seed names, the given one chosen', () => {
    const [c] = nameDecoderControls(SEED_NAMES, SEED_NAMES[2]);
    expect(c).toMatchObject({ kind: 'select', name: 'name', value: SEED_NAMES[2] });
    expect(c.options!.map((o) => o.value)).toEqual([...SEED_NAMES]);
  });

  it('one row per part of the name, in order, marked ✓ when the zoo agrees', () => {
    const d = decodeName('tf_mobilenetv3_large_minimal_100.in1k');
    const rows = partRows(view(d.name));
    expect(rows.map((r) => r[0])).toEqual(d.parts.map((p) => p.text));
    expect(rows.map((r) => r[1])).toEqual(d.parts.map((p) => p.meaning));
    expect(rows.every((r) => r[2].startsWith('✓ '))).toBe(true);
    const bad = partRows({ ...view(d.name), parts: [{ text: 'x', meaning: 'm', check: 'c', ok: false }] });
    expect(bad).toEqual([['x', 'm', '✗ c']]);
    expect(modelHref(view(d.name))).toBe(`/models/${d.zooId}/`);
  });

  it('read-outs carry the build’s strings under the keys the page fills', () => {
    expect(nameDecoderReadouts(view(SEED_NAMES[0])).map((r) => [r.key, r.value])).toEqual([
      ['params', '1 (1)'],
      ['timm', '2.04 M'],
      ['macs', '3'],
    ]);
  });
});
