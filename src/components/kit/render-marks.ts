/**
 * The client renderer: updates an <svg> (static-rendered by <Marks> or empty) to show a Scene, with
 * one keyed d3 join. Marks are matched by kind + key (the data-mark attribute markAttributes
 * writes), so an element that shows the same thing is updated in place: its focus, hover and CSS
 * transitions survive a redraw. Attributes come from markAttributes, the same mapping the static
 * render used; attributes a mark no longer has are removed, so the scene is the only source of
 * truth for its marks (do not set attributes on them from elsewhere).
 *
 * A scene's patterns are kept in the svg's <defs> (created when missing, each pattern matched by
 * id and its marks joined the same way). With `duration`, marks that were already drawn move to
 * their new geometry over that many milliseconds (a d3 transition), unless the reader asks for
 * reduced motion; new marks and every other attribute change at once.
 *
 * The document is the svg's own (svg.ownerDocument), so a test can pass a minimal fake DOM.
 */
import { select } from '../viz/d3.ts';
import {
  MARK_KEY_ATTRIBUTE,
  markAttributes,
  markKey,
  patternAttributes,
  sceneAttributes,
  type Mark,
  type Scene,
} from '~/lib/viz/kit/marks.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The attributes that hold a mark's geometry: the ones a transition animates. */
const GEOMETRY = new Set(['x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'd', 'transform']);

export interface RenderOptions {
  /** Milliseconds over which drawn marks move to their new geometry (0 or absent: at once). */
  duration?: number;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function renderMarks(svg: SVGSVGElement, scene: Scene, options: RenderOptions = {}): void {
  const doc = svg.ownerDocument;
  for (const [name, value] of Object.entries(sceneAttributes(scene))) setAttr(svg, name, String(value));
  const duration = options.duration && !reducedMotion() ? options.duration : 0;
  if (scene.patterns?.length) {
    const children = Array.from(svg.childNodes) as Element[];
    let defs = children.find((c) => c.nodeName.toLowerCase() === 'defs');
    if (!defs) {
      defs = doc.createElementNS(SVG_NS, 'defs');
      svg.insertBefore(defs, svg.childNodes[0] ?? null);
    }
    for (const p of scene.patterns) {
      const kids = Array.from(defs.childNodes) as Element[];
      let el = kids.find((c) => c.nodeType === 1 && c.getAttribute('id') === p.id);
      if (!el) el = defs.appendChild(doc.createElementNS(SVG_NS, 'pattern'));
      for (const [name, value] of Object.entries(patternAttributes(p))) setAttr(el, name, String(value));
      joinMarks(el, p.marks, 0);
    }
  }
  joinMarks(svg, scene.marks, duration);
}

function joinMarks(parent: Element, marks: readonly Mark[], duration: number): void {
  const doc = parent.ownerDocument;
  select(parent)
    .selectChildren<SVGElement, Mark, Element>((child) => child.hasAttribute(MARK_KEY_ATTRIBUTE))
    .data(marks, (d, i, group) => {
      // Called for the existing nodes (group = nodes; static ones carry no bound datum, so read
      // the attribute) and for the new marks (group = the marks array).
      const node = group[i] as Element | Mark;
      return 'getAttribute' in node ? (node.getAttribute(MARK_KEY_ATTRIBUTE) ?? '') : markKey(d);
    })
    .join((enter) =>
      enter.append((m) => {
        const el = doc.createElementNS(SVG_NS, m.kind);
        // A new mark appears where it belongs: only marks already drawn move.
        el.setAttribute('data-new', '');
        return el;
      }),
    )
    .each(function (m) {
      const fresh = this.hasAttribute('data-new');
      this.removeAttribute('data-new');
      applyMark(this, m, doc, fresh ? 0 : duration);
    });
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function applyMark(el: SVGElement, m: Mark, doc: Document, duration: number): void {
  const attrs = markAttributes(m);
  for (const name of Array.from(el.attributes, (a) => a.name)) if (!(name in attrs)) el.removeAttribute(name);
  const moves: [string, string][] = [];
  for (const [name, value] of Object.entries(attrs)) {
    const v = String(value);
    if (duration > 0 && GEOMETRY.has(name) && el.hasAttribute(name) && el.getAttribute(name) !== v)
      moves.push([name, v]);
    else setAttr(el, name, v);
  }
  if (moves.length) {
    const t = select(el).transition().duration(duration);
    for (const [name, v] of moves) t.attr(name, v);
  }
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
