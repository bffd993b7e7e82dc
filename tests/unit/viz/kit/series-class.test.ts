import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriesClass } from '~/lib/viz/kit/series-class.ts';

describe('seriesClass', () => {
  it('names slots 0…7 and wraps every 8, so the slot after 7 is the neutral one', () => {
    expect([0, 1, 7, 8, 9].map(seriesClass)).toEqual(['viz-c0', 'viz-c1', 'viz-c7', 'viz-c0', 'viz-c1']);
  });

  it('names only classes kit.css colours: 0 neutral, n the palette colour --viz-n', () => {
    const css = readFileSync('src/components/kit/kit.css', 'utf8');
    expect(css).toMatch(/\.viz-c0 \{\s*--series: var\(--text-soft\);/);
    for (let n = 1; n <= 7; n++) expect(css).toMatch(new RegExp(`\\.viz-c${n} \\{\\s*--series: var\\(--viz-${n}\\);`));
  });
});
