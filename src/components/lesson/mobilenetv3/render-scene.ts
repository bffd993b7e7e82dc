/**
 * Browser: redraws an `<svg>` from a Scene with the same attribute mapping the build uses
 * (markAttributes), one keyed pass: marks are matched by `data-key`, created, updated or removed.
 */
import { markAttributes, type Scene } from '~/lib/viz/lessons/mbv3-scene.ts';

const NS = 'http://www.w3.org/2000/svg';

export function renderScene(svg: SVGSVGElement, scene: Scene): void {
  svg.setAttribute('viewBox', `0 0 ${scene.width} ${scene.height}`);
  svg.setAttribute('aria-label', scene.label);
  const old = new Map<string, SVGElement>();
  for (const el of Array.from(svg.children)) if (el instanceof SVGElement && el.dataset.key) old.set(el.dataset.key, el);
  let prev: Element | null = null;
  for (const m of scene.marks) {
    let el = old.get(m.key);
    if (!el || el.tagName !== m.kind) {
      el?.remove();
      el = document.createElementNS(NS, m.kind) as SVGElement;
    }
    old.delete(m.key);
    for (const attr of Array.from(el.attributes)) if (attr.name !== 'data-key') el.removeAttribute(attr.name);
    el.setAttribute('data-key', m.key);
    for (const [k, v] of Object.entries(markAttributes(m))) el.setAttribute(k, String(v));
    if (m.kind === 'text') el.textContent = m.text;
    const title = m.title;
    if (title && m.kind !== 'text') {
      const t = el.querySelector('title') ?? el.appendChild(document.createElementNS(NS, 'title'));
      t.textContent = title;
    } else if (m.kind !== 'text') el.replaceChildren();
    if (prev ? prev.nextSibling !== el : svg.firstChild !== el) svg.insertBefore(el, prev ? prev.nextSibling : svg.firstChild);
    prev = el;
  }
  for (const el of old.values()) el.remove();
}
