/**
 * Draws a Scene into an <svg> with one keyed d3 join: the stand-in for the widget kit's
 * renderMarks (src/components/kit/render-marks.ts) until the kit lands on this branch.
 */
import * as d3 from '~/components/viz/d3.ts';
import type { Mark, Scene } from '~/lib/viz/lessons/scene-pending.ts';

export function attributes(m: Mark): Record<string, string | number> {
  const a: Record<string, string | number> = {};
  if (m.class) a.class = m.class;
  if (m.kind === 'rect') Object.assign(a, { x: m.x, y: m.y, width: m.width, height: m.height }, m.rx ? { rx: m.rx } : {}, m.fill ? { fill: m.fill } : {});
  else if (m.kind === 'line') Object.assign(a, { x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2 });
  else if (m.kind === 'path') Object.assign(a, { d: m.d }, m.fill ? { fill: m.fill } : {});
  else if (m.kind === 'circle') Object.assign(a, { cx: m.cx, cy: m.cy, r: m.r }, m.fill ? { fill: m.fill } : {});
  else Object.assign(a, { x: m.x, y: m.y, 'text-anchor': m.anchor ?? 'start', 'dominant-baseline': m.baseline ?? 'auto' });
  for (const [k, v] of Object.entries(m.data ?? {})) a[`data-${k}`] = v;
  return a;
}

export function renderScene(svg: SVGSVGElement, scene: Scene): void {
  svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
  svg.setAttribute('aria-label', scene.label);
  // The build's static marks carry no bound data: the first join replaces them.
  if (svg.dataset.joined !== 'true') {
    svg.replaceChildren();
    svg.dataset.joined = 'true';
  }
  const sel = d3.select(svg).selectAll<SVGElement, Mark>(':scope > *').data(scene.marks, (m) => `${m.kind}:${m.key}`);
  sel.exit().remove();
  const all = sel.enter().append((m) => document.createElementNS('http://www.w3.org/2000/svg', m.kind) as SVGElement).merge(sel);
  all.order().each(function (m) {
    for (const [k, v] of Object.entries(attributes(m))) this.setAttribute(k, String(v));
    if (m.kind === 'text') this.textContent = m.text;
    const old = this.querySelector('title');
    if (m.title) {
      const t = old ?? this.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'title'));
      t.textContent = m.title;
    } else old?.remove();
  });
}
