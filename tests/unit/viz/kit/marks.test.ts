import { describe, expect, it } from 'vitest';
import {
  checkScene,
  markAttributes,
  markKey,
  patternAttributes,
  patternFill,
  sceneAttributes,
  type Mark,
} from '~/lib/viz/kit/marks.ts';

describe('markAttributes', () => {
  it('maps a rect to its SVG attributes, keyed by kind and key', () => {
    const m: Mark = {
      kind: 'rect',
      key: 'c-1',
      class: 'cell tap',
      x: 1,
      y: 2,
      width: 16,
      height: 16,
      rx: 2,
      fill: '#f00',
    };
    expect(markAttributes(m)).toEqual({
      'data-mark': 'rect:c-1',
      class: 'cell tap',
      x: 1,
      y: 2,
      width: 16,
      height: 16,
      rx: 2,
      fill: '#f00',
    });
  });

  it('leaves out optional attributes a mark does not set', () => {
    const a = markAttributes({ kind: 'circle', key: 'p', cx: 3, cy: 4, r: 5 });
    expect(a).toEqual({ 'data-mark': 'circle:p', cx: 3, cy: 4, r: 5 });
    expect('fill' in a || 'class' in a).toBe(false);
  });

  it('writes text anchor and baseline as text-anchor and dominant-baseline', () => {
    const a = markAttributes({ kind: 'text', key: 't', x: 10, y: 20, text: 'hi', anchor: 'end', baseline: 'middle' });
    expect(a['text-anchor']).toBe('end');
    expect(a['dominant-baseline']).toBe('middle');
    expect(markAttributes({ kind: 'text', key: 't', x: 20, y: 100, text: 'MACs', rotate: -90 }).transform).toBe(
      'rotate(-90 20 100)',
    );
    // The text itself is a child, not an attribute.
    expect(Object.values(a)).not.toContain('hi');
  });

  it('maps lines and paths', () => {
    expect(markAttributes({ kind: 'line', key: 'l', x1: 0, y1: 1, x2: 2, y2: 3 })).toEqual({
      'data-mark': 'line:l',
      x1: 0,
      y1: 1,
      x2: 2,
      y2: 3,
    });
    expect(markAttributes({ kind: 'path', key: 'p', d: 'M0,0L1,1', fill: 'none' })).toEqual({
      'data-mark': 'path:p',
      d: 'M0,0L1,1',
      fill: 'none',
    });
  });

  it('rounds coordinates to hundredths so the static HTML is deterministic', () => {
    const a = markAttributes({ kind: 'line', key: 'l', x1: 0.1 + 0.2, y1: 1 / 3, x2: -0.001, y2: 2.005 });
    expect(a.x1).toBe(0.3);
    expect(a.y1).toBe(0.33);
    expect(Object.is(a.x2, -0)).toBe(false); // −0.001 rounds to 0, not −0 (which would print "0" anyway, but compare cleanly)
  });

  it('clamps negative sizes to zero instead of writing an invalid width', () => {
    expect(markAttributes({ kind: 'rect', key: 'r', x: 0, y: 0, width: -3, height: 4 }).width).toBe(0);
  });

  it('writes data fields as data-* attributes and rejects names that are not valid', () => {
    expect(
      markAttributes({ kind: 'rect', key: 'r', x: 0, y: 0, width: 1, height: 1, data: { oy: 3, ox: 0 } }),
    ).toMatchObject({ 'data-oy': 3, 'data-ox': 0 });
    expect(() =>
      markAttributes({ kind: 'rect', key: 'r', x: 0, y: 0, width: 1, height: 1, data: { 'Bad Name': 1 } }),
    ).toThrow(/Bad Name/);
  });

  it('refuses a coordinate that is not a finite number, naming it', () => {
    expect(() => markAttributes({ kind: 'circle', key: 'c', cx: NaN, cy: 0, r: 1 })).toThrow(/finite/);
  });
});

describe('scenes', () => {
  it('give the svg a viewBox, size and accessible name', () => {
    expect(sceneAttributes({ width: 120, height: 40.004, label: 'Two bars', marks: [] })).toEqual({
      viewBox: '0 0 120 40',
      width: 120,
      height: 40,
      role: 'img',
      'aria-label': 'Two bars',
    });
  });

  it('reject two marks with the same kind and key, but allow the same key on different kinds', () => {
    const rect: Mark = { kind: 'rect', key: 'a', x: 0, y: 0, width: 1, height: 1 };
    const text: Mark = { kind: 'text', key: 'a', x: 0, y: 0, text: 'a' };
    expect(() => checkScene({ width: 1, height: 1, label: 's', marks: [rect, text] })).not.toThrow();
    expect(() => checkScene({ width: 1, height: 1, label: 's', marks: [rect, { ...rect }] })).toThrow(/rect:a/);
    expect(markKey(text)).toBe('text:a');
  });

  it('give patterns user-space tiles, a fill reference, and refuse a bad or repeated id', () => {
    const p = { id: 'xe-hatch', width: 6, height: 6, rotate: 45, marks: [] };
    expect(patternAttributes(p)).toEqual({
      id: 'xe-hatch',
      width: 6,
      height: 6,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    });
    expect(patternAttributes({ ...p, rotate: 0 })).not.toHaveProperty('patternTransform');
    expect(patternFill('xe-hatch')).toBe('url(#xe-hatch)');
    expect(() => patternAttributes({ ...p, id: '1 bad' })).toThrow(/pattern id/);
    expect(() => checkScene({ width: 1, height: 1, label: 's', marks: [], patterns: [p, p] })).toThrow(/xe-hatch/);
  });
});
