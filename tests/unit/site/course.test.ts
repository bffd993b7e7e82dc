import { describe, expect, it } from 'vitest';
import { courseOrder, coursePosition } from '~/lib/site/course.ts';
import { tableOfContents } from '~/lib/site/toc.ts';
import { isCurrent } from '~/lib/site/nav.ts';

const l = (id: string, order: number, draft = false) => ({ id, title: id, order, draft });

describe('course order', () => {
  it('sorts lessons by their order field, not by id, and drops drafts', () => {
    const ordered = courseOrder([l('z-first', 1), l('a-third', 3), l('draft', 2, true), l('m-second', 2)]);
    expect(ordered.map((x) => x.id)).toEqual(['z-first', 'm-second', 'a-third']);
  });

  it('refuses two lessons in the same position, naming both', () => {
    expect(() => courseOrder([l('a', 1), l('b', 1)])).toThrow(/'a' and 'b' both have order 1/);
  });

  it('gives each lesson its previous and next neighbours', () => {
    const ordered = courseOrder([l('a', 1), l('b', 2), l('c', 3)]);
    expect(coursePosition(ordered, 'a')).toMatchObject({ prev: undefined, next: { id: 'b' }, index: 0, total: 3 });
    expect(coursePosition(ordered, 'c')).toMatchObject({ prev: { id: 'b' }, next: undefined, index: 2 });
    expect(() => coursePosition(ordered, 'x')).toThrow(/not in the course/);
  });
});

describe('table of contents', () => {
  it('nests h3 under the preceding h2 and ignores h1 and h4', () => {
    const toc = tableOfContents([
      { depth: 1, slug: 't', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });
});

describe('navigation', () => {
  it('marks a section current on its page and below it only', () => {
    const item = { href: '/lessons/', label: 'Lessons' };
    expect(isCurrent(item, '/lessons/')).toBe(true);
    expect(isCurrent(item, '/lessons/convolution-cost/')).toBe(true);
    expect(isCurrent(item, '/lessons')).toBe(true);
    expect(isCurrent(item, '/models/')).toBe(false);
  });
});
