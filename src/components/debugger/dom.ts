/** A tiny element builder for the debugger's views (text is always set as text, never as HTML). */
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export function dimsText(dims: readonly number[]): string {
  return `[${dims.join(', ')}]`;
}

/** One `<dt>`/`<dd>` pair of a read-out list (`<dl>`); `attrs` go on the value, e.g. a test hook. */
export function readoutRow(
  label: Child,
  value: Child,
  attrs: Record<string, string | number | undefined> = {},
): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', attrs, value));
}

/** A column heading: its text, or its text and whether it holds numbers (class `num`, right-aligned). */
export type Column = string | { label: string; num: boolean };

/** A heading of a column of numbers. */
export const numColumn = (label: string): Column => ({ label, num: true });

/**
 * A data table as the debugger's views write them: an optional caption, one head row of column
 * headers (`scope="col"`), then the body rows the caller built.
 */
export function dataTable(
  attrs: Record<string, string | number | undefined>,
  columns: readonly Column[],
  rows: readonly Child[],
  caption: Child = null,
): HTMLTableElement {
  const th = (c: Column) =>
    typeof c === 'string'
      ? h('th', { scope: 'col' }, c)
      : h('th', { scope: 'col', class: c.num ? 'num' : undefined }, c.label);
  return h('table', attrs, caption, h('thead', {}, h('tr', {}, ...columns.map(th))), h('tbody', {}, ...rows));
}
