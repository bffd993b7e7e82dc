import { describe, expect, it } from 'vitest';
import { computedText } from '~/components/lesson/computed.ts';
import { PropError } from '~/components/lesson/props.ts';

const text = (props: Record<string, unknown>) => computedText(props).text;

describe('the one <Computed> registry', () => {
  it('takes an answer description by default, formatted as asked', () => {
    const of = { kind: 'conv-macs', layer: { h: 112, w: 112, cin: 32, cout: 64, k: 3 } };
    // 112·112 positions × 64 outputs × 3·3·32 MACs each.
    expect(computedText({ of, format: 'int' })).toEqual({ name: 'answer', show: 'int', text: '231,211,008' });
    expect(text({ of, format: 'compact' })).toBe('231 M');
    expect(text({ of })).toBe('231,211,008 MACs (231 M)');
  });

  it('computes a convolution layer’s numbers from its shape', () => {
    const layer = { h: 112, w: 112, cin: 32, cout: 64, k: 3 };
    expect(text({ name: 'conv', ...layer, show: 'macs' })).toBe('231,211,008');
    expect(text({ name: 'conv', ...layer, show: 'params' })).toBe('18,432'); // 3·3·32·64
    expect(text({ name: 'conv', ...layer, show: 'positions' })).toBe('12,544'); // 112·112
    expect(text({ name: 'conv', ...layer, stride: 2, show: 'shape' })).toBe('56×56×64');
    expect(text({ name: 'conv', ...layer, cout: 32, groups: 32, show: 'macs' })).toBe('3,612,672'); // 112·112·32·9
  });

  it('reads an SE block’s widths from the zoo (EfficientNet-B0 blocks.5.1: 192 → 1152, SE 192/4)', () => {
    const p = { name: 'se', model: 'efficientnet_b0', block: 'blocks.5.1' };
    expect(text({ ...p, show: 'block-in' })).toBe('192');
    expect(text({ ...p, show: 'block-mid' })).toBe('1152');
    expect(text({ ...p, show: 'block-se' })).toBe('48');
    expect(text({ name: 'se', model: 'efficientnet_b0', show: 'params' })).toBe('5,288,548');
    expect(text({ name: 'se', model: 'efficientnet_b0', show: 'params-pct' })).toMatch(/^\d+\.\d %$/);
  });

  it('computes MobileNetV2 blocks.3.1 (14×14×64) at t = 6 by default', () => {
    expect(text({ name: 'expansion', show: 'mid' })).toBe('384');
    expect(text({ name: 'expansion', show: 'expand-macs' })).toBe('4,816,896'); // 14·14·64·384
    expect(text({ name: 'expansion', show: 'dw-macs' })).toBe('677,376'); // 14·14·384·9
    expect(text({ name: 'expansion', show: 'input' })).toBe('49 KiB'); // 14·14·64·4 B
    expect(text({ name: 'expansion', show: 'expanded-over-input' })).toBe('6');
    expect(text({ name: 'expansion', t: 2.5, show: 'mid' })).toBe('160');
  });

  it('computes the compound-scaling constraint from α = 1.2, β = 1.1, γ = 1.15 (EfficientNet §3.3)', () => {
    const k = 1.2 * 1.1 ** 2 * 1.15 ** 2;
    expect(text({ name: 'compound', show: 'constraint' })).toBe(k.toFixed(3));
    expect(text({ name: 'compound', show: 'constraint-pow7' })).toBe((k ** 7).toFixed(1));
    expect(text({ name: 'compound', show: 'two-pow7' })).toBe('128');
    expect(text({ name: 'compound', show: 'table7-paper', row: 1 })).toBe('1.8 B');
    // B7 is depth 3.1 = 1.2^φ → φ = ln 3.1 / ln 1.2.
    expect(text({ name: 'compound', show: 'phi-depth', model: 'b7' })).toBe((Math.log(3.1) / Math.log(1.2)).toFixed(1));
  });

  it('fails the build with a message naming the computation and the prop', () => {
    expect(() => computedText({ name: 'cost', show: 'macs' })).toThrow(
      /<Computed> prop "name" expects one of "answer", "conv", "se", "expansion", "compound"; received "cost"/,
    );
    expect(() => computedText({ name: 'expansion', show: 'mid', tt: 6 })).toThrow(
      /<Computed name="expansion"> does not take "tt"; its props are t, show/,
    );
    expect(() => computedText({ name: 'expansion', show: 'mid', t: 6.3 })).toThrow(
      /prop "t" expects a number from 1 to 10 in steps of 0.5; received 6.3/,
    );
    expect(() => computedText({ name: 'conv', h: 8, w: 8, cin: 30, cout: 8, k: 3, groups: 4, show: 'macs' })).toThrow(
      /invalid convolution/,
    );
    expect(() => computedText({ name: 'se', model: 'efficientnet_b0', show: 'block-se' })).toThrow(
      /prop "block" expects a block scope/,
    );
    expect(() => computedText({ name: 'compound', show: 'macs', model: 'b8' })).toThrow(PropError);
    expect(() => computedText({ of: { kind: 'nope' } })).toThrow(/<Computed> prop of expects an object whose kind/);
  });
});
