import { describe, expect, it } from 'vitest';
import { scopeFromName } from '~/lib/engine/onnx/scope-from-name.ts';

describe('scopeFromName', () => {
  it('turns a torch.onnx module path into a dotted scope without the op', () => {
    expect(scopeFromName('/blocks/3/conv_dw/Conv')).toBe('blocks.3.conv_dw');
  });
  it('collapses segments that repeat the full dotted path', () => {
    expect(scopeFromName('/features/features.0/features.0.0/Conv')).toBe('features.0.0');
  });
  it('gives the root scope for a top-level op and no scope for names that are not paths', () => {
    expect(scopeFromName('/Flatten')).toBe('');
    expect(scopeFromName('Conv_12')).toBe('');
    expect(scopeFromName('')).toBe('');
  });
});
