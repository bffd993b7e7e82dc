import { describe, expect, it } from 'vitest';
import { renderMarks } from '~/components/kit/render-marks.ts';
import { markAttributes, type Mark, type Scene } from '~/lib/viz/kit/marks.ts';
import { FakeElement, fakeSvg } from './fake-dom.ts';

const cells = (lit: number[]): Mark[] =>
  [0, 1, 2].map((i) => ({
    kind: 'rect',
    key: `c${i}`,
    class: lit.includes(i) ? 'cell tap' : 'cell',
    x: i * 10,
    y: 0,
    width: 8,
    height: 8,
  }));
const scene = (marks: Mark[]): Scene => ({ width: 30, height: 10, label: 'three cells', marks });
const kids = (el: FakeElement) => el.children;

describe('renderMarks', () => {
  it('creates one element per mark, by kind, with exactly markAttributes’ attributes', () => {
    const { svg, el } = fakeSvg();
    const marks: Mark[] = [...cells([1]), { kind: 'text', key: 'l', x: 0, y: 9, text: 'input', title: 'the input' }];
    renderMarks(svg, scene(marks));
    expect(el.getAttribute('viewBox')).toBe('0 0 30 10');
    expect(el.getAttribute('aria-label')).toBe('three cells');
    expect(kids(el).map((c) => c.localName)).toEqual(['rect', 'rect', 'rect', 'text']);
    kids(el).forEach((c, i) => {
      const want = Object.fromEntries(Object.entries(markAttributes(marks[i]!)).map(([k, v]) => [k, String(v)]));
      expect(Object.fromEntries(c.attributes.map((a) => [a.name, a.value]))).toEqual(want);
    });
    // Title first, then the text, as the static <Marks> writes them.
    expect(kids(el)[3]!.outerHTML).toBe('<text data-mark="text:l" x="0" y="9"><title>the input</title>input</text>');
  });

  it('updates the elements in place on a redraw (same nodes, new classes) and writes only what changed', () => {
    const { svg, el } = fakeSvg();
    renderMarks(svg, scene(cells([0])));
    const before = kids(el);
    const writes = before.map((c) => c.writes);
    renderMarks(svg, scene(cells([2])));
    expect(kids(el)).toEqual(before);
    expect(kids(el).every((c, i) => c === before[i])).toBe(true);
    expect(kids(el).map((c) => c.getAttribute('class'))).toEqual(['cell', 'cell', 'cell tap']);
    // Cells 0 and 2 changed class (one write each); cell 1 did not change at all.
    expect(kids(el).map((c, i) => c.writes - writes[i]!)).toEqual([1, 0, 1]);
  });

  it('removes marks that left the scene, adds new ones, and keeps paint order', () => {
    const { svg, el } = fakeSvg();
    renderMarks(svg, scene(cells([])));
    const c2 = kids(el)[2];
    const next: Mark[] = [
      { kind: 'circle', key: 'dot', cx: 5, cy: 5, r: 2 },
      ...cells([]).slice(2),
      ...cells([]).slice(0, 1),
    ];
    renderMarks(svg, scene(next));
    expect(kids(el).map((c) => c.getAttribute('data-mark'))).toEqual(['circle:dot', 'rect:c2', 'rect:c0']);
    expect(kids(el)[1]).toBe(c2);
  });

  it('adopts static-rendered elements by their data-mark attribute and drops attributes a mark no longer has', () => {
    const { svg, el } = fakeSvg();
    const doc = el.ownerDocument;
    // What <Marks> produced at build time: a filled rect and a stray non-mark child (kept).
    const stat = doc.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of Object.entries(
      markAttributes({ kind: 'rect', key: 'c0', x: 0, y: 0, width: 8, height: 8, fill: 'red' }),
    ))
      stat.setAttribute(k, String(v));
    const defs = doc.createElementNS('http://www.w3.org/2000/svg', 'defs');
    el.appendChild(defs);
    el.appendChild(stat);
    renderMarks(svg, scene(cells([]).slice(0, 1)));
    expect(kids(el)).toContain(stat);
    expect(kids(el)).toContain(defs);
    expect(stat.hasAttribute('fill')).toBe(false);
    expect(stat.getAttribute('class')).toBe('cell');
  });

  it('replaces a text mark’s text and title when they change', () => {
    const { svg, el } = fakeSvg();
    renderMarks(svg, scene([{ kind: 'text', key: 't', x: 0, y: 0, text: 'a', title: 'x' }]));
    renderMarks(svg, scene([{ kind: 'text', key: 't', x: 0, y: 0, text: 'b' }]));
    expect(kids(el)[0]!.outerHTML).toBe('<text data-mark="text:t" x="0" y="0">b</text>');
  });

  it('writes a scene’s patterns into <defs> before the marks, and reuses them on a redraw', () => {
    const { svg, el } = fakeSvg();
    const hatch = (h: number) => ({
      id: 'hatch-1',
      width: 6,
      height: h,
      rotate: 45,
      marks: [{ kind: 'line' as const, key: 'l', class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: h }],
    });
    renderMarks(svg, { ...scene(cells([])), patterns: [hatch(6)] });
    expect(kids(el).map((c) => c.localName)).toEqual(['defs', 'rect', 'rect', 'rect']);
    const defs = kids(el)[0]!;
    expect(defs.outerHTML).toBe(
      '<defs><pattern id="hatch-1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
        '<line data-mark="line:l" class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line></pattern></defs>',
    );
    const pattern = defs.children[0];
    renderMarks(svg, { ...scene(cells([])), patterns: [hatch(8)] });
    expect(kids(el)[0]).toBe(defs);
    expect(defs.children).toEqual([pattern]);
    expect(pattern!.getAttribute('height')).toBe('8');
    expect(pattern!.children[0]!.getAttribute('y2')).toBe('8');
  });
});
