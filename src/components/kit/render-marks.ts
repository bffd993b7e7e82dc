/**
 * The client renderer: updates an <svg> (static-rendered by <Marks> or empty) to show a Scene, with
 * one keyed d3 join. Marks are matched by kind + key (the data-mark attribute markAttributes
 * writes), so an element that shows the same thing is updated in place: its focus, hover and CSS
 * transitions survive a redraw. Attributes come from markAttributes, the same mapping the static
 * render used; attributes a mark no longer has are removed, so the scene is the only source of
 * truth for its marks (do not set attributes on them from elsewhere).
 *
 * The document is the svg's own (svg.ownerDocument), so a test can pass a minimal fake DOM.
 */
import { select } from '../viz/d3.ts';
import {
  MARK_KEY_ATTRIBUTE,
  markAttributes,
  markKey,
  sceneAttributes,
  type Mark,
  type Scene,
} from '~/lib/viz/kit/marks.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function renderMarks(svg: SVGSVGElement, scene: Scene): void {
  const doc = svg.ownerDocument;
  for (const [name, value] of Object.entries(sceneAttributes(scene))) setAttr(svg, name, String(value));
  select(svg)
    .selectChildren<SVGElement, Mark, Element>((child) => child.hasAttribute(MARK_KEY_ATTRIBUTE))
    .data(scene.marks, (d, i, group) => {
      // Called for the existing nodes (group = nodes; static ones carry no bound datum, so read
      // the attribute) and for the new marks (group = the marks array).
      const node = group[i] as Element | Mark;
      return 'getAttribute' in node ? (node.getAttribute(MARK_KEY_ATTRIBUTE) ?? '') : markKey(d);
    })
    .join((enter) => enter.append((m) => doc.createElementNS(SVG_NS, m.kind)))
    .each(function (m) {
      applyMark(this, m, doc);
    });
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function applyMark(el: SVGElement, m: Mark, doc: Document): void {
  const attrs = markAttributes(m);
  for (const name of Array.from(el.attributes, (a) => a.name)) if (!(name in attrs)) el.removeAttribute(name);
  for (const [name, value] of Object.entries(attrs)) setAttr(el, name, String(value));
  // Children: an optional <title>, then (text marks) the text, as <Marks> writes them.
  const text = m.kind === 'text' ? m.text : null;
  const nodes = Array.from(el.childNodes);
  const title = nodes.find((n) => n.nodeName.toLowerCase() === 'title');
  const ok =
    nodes.length === (m.title ? 1 : 0) + (text ? 1 : 0) &&
    (!m.title || (title === nodes[0] && title.textContent === m.title)) &&
    (!text || (nodes.at(-1)!.nodeType === 3 && nodes.at(-1)!.textContent === text));
  if (ok) return;
  const children: Node[] = [];
  if (m.title) {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = m.title;
    children.push(t);
  }
  if (text) children.push(doc.createTextNode(text));
  el.replaceChildren(...children);
}
