import { describe, expect, it } from 'vitest';
import { decodeName, SEED_NAMES } from '../../../../src/lib/viz/lessons/mbv3-names.ts';
import { MODELS } from '../../../../src/lib/models/zoo.ts';

describe('the timm MobileNetV3 name decoder', () => {
  it('decodes every seed name with every part agreeing with the zoo', () => {
    for (const n of SEED_NAMES) {
      const d = decodeName(n);
      expect(
        d.parts.every((p) => p.ok),
        `${n}: ${d.parts
          .filter((p) => !p.ok)
          .map((p) => p.check)
          .join('; ')}`,
      ).toBe(true);
    }
  });

  it('decodes every MobileNetV3 id of the zoo', () => {
    const ids = MODELS.filter((m) => m.family === 'MobileNetV3').map((m) => m.id);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(decodeName(id).parts.every((p) => p.ok)).toBe(true);
  });

  it('reads the prefix, size, minimal flag and multiplier', () => {
    const d = decodeName('tf_mobilenetv3_small_minimal_100.in1k');
    expect([d.tf, d.size, d.minimal, d.width, d.tag]).toEqual([true, 'small', true, 1, 'in1k']);
    expect(decodeName('mobilenetv3_small_075').width).toBe(0.75);
    expect(decodeName('mobilenetv3_rw.rmsp_in1k').rw).toBe(true);
  });

  it('maps the 21k tag to its own head and the fine-tuned tag back to the 1k model', () => {
    expect(decodeName('mobilenetv3_large_100.miil_in21k').zooId).toBe('mobilenetv3_large_100.miil_in21k');
    expect(decodeName('mobilenetv3_large_100.miil_in21k_ft_in1k').zooId).toBe('mobilenetv3_large_100');
    expect(decodeName('mobilenetv3_large_100.miil_in21k_ft_in1k').parts.at(-1)?.meaning).toMatch(
      /fine-tuned on ImageNet-1k/,
    );
  });

  it('refuses a well-formed name the zoo does not have, instead of decoding it unchecked', () => {
    expect(() => decodeName('mobilenetv3_large_050')).toThrow(/unknown model/);
  });

  it('says what it expected for a name it cannot read', () => {
    expect(() => decodeName('mobilenetv3_large')).toThrow(/expected \[tf_\]mobilenetv3_large\|small/);
    expect(() => decodeName('mobilenetv3_large_100.xyz_in1k')).toThrow(/unknown word 'xyz'/);
  });
});

describe('the size part', () => {
  it('counts the bneck blocks of Tables 1 and 2 from the zoo (15 in Large, 11 in Small)', () => {
    expect(decodeName('mobilenetv3_large_100').parts.find((p) => p.text === '_large')?.meaning).toMatch(
      /: 15 bneck blocks, 1280-wide/,
    );
    expect(decodeName('mobilenetv3_small_100').parts.find((p) => p.text === '_small')?.meaning).toMatch(
      /: 11 bneck blocks, 1024-wide/,
    );
  });
});
