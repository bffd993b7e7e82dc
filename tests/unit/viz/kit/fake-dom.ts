/**
 * The smallest DOM renderMarks needs, so its test runs in Vitest's node environment without adding
 * jsdom: elements with attributes, child lists, text nodes, and the few methods d3-selection's
 * select / selectChildren / data / join / order call. Not a general DOM.
 */
class FakeNode {
  parentNode: FakeElement | null = null;
  childNodes: FakeNode[] = [];
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    readonly ownerDocument: FakeDocument,
  ) {}
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(v: string) {
    this.replaceChildren(this.ownerDocument.createTextNode(v));
  }
  replaceChildren(...nodes: FakeNode[]): void {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    for (const n of nodes) this.appendChild(n);
  }
  appendChild<T extends FakeNode>(n: T): T {
    return this.insertBefore(n, null);
  }
  insertBefore<T extends FakeNode>(n: T, ref: FakeNode | null): T {
    n.parentNode?.removeChild(n);
    const i = ref ? this.childNodes.indexOf(ref) : this.childNodes.length;
    this.childNodes.splice(i < 0 ? this.childNodes.length : i, 0, n);
    n.parentNode = this as unknown as FakeElement;
    return n;
  }
  removeChild<T extends FakeNode>(n: T): T {
    this.childNodes = this.childNodes.filter((c) => c !== n);
    n.parentNode = null;
    return n;
  }
  /** Only what d3's order() asks: does `other` follow this node among its siblings (4) or not (2). */
  compareDocumentPosition(other: FakeNode): number {
    const sibs = this.parentNode?.childNodes ?? [];
    return sibs.indexOf(other) > sibs.indexOf(this) ? 4 : 2;
  }
}

class FakeText extends FakeNode {
  constructor(
    public data: string,
    doc: FakeDocument,
  ) {
    super(3, '#text', doc);
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(v: string) {
    this.data = v;
  }
}

export class FakeElement extends FakeNode {
  private attrs = new Map<string, string>();
  /** Every setAttribute call, to check that a redraw writes only what changed. */
  writes = 0;
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    doc: FakeDocument,
  ) {
    super(1, localName.toUpperCase(), doc);
  }
  get children(): FakeElement[] {
    return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
  }
  get attributes(): { name: string; value: string }[] {
    return [...this.attrs].map(([name, value]) => ({ name, value }));
  }
  getAttribute(n: string): string | null {
    return this.attrs.get(n) ?? null;
  }
  hasAttribute(n: string): boolean {
    return this.attrs.has(n);
  }
  setAttribute(n: string, v: string): void {
    this.writes++;
    this.attrs.set(n, String(v));
  }
  removeAttribute(n: string): void {
    this.attrs.delete(n);
  }
  /** Serialises like the static render, attributes in insertion order: enough to compare trees. */
  get outerHTML(): string {
    const a = this.attributes.map((x) => ` ${x.name}="${x.value}"`).join('');
    const inner = this.childNodes.map((c) => (c instanceof FakeElement ? c.outerHTML : c.textContent)).join('');
    return `<${this.localName}${a}>${inner}</${this.localName}>`;
  }
}

export class FakeDocument {
  createElementNS(ns: string, name: string): FakeElement {
    return new FakeElement(name, ns, this);
  }
  createElement(name: string): FakeElement {
    return new FakeElement(name, null, this);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(text, this);
  }
}

/** An empty <svg> in a fresh fake document, typed as the real thing for renderMarks. */
export function fakeSvg(): { svg: SVGSVGElement; el: FakeElement } {
  const doc = new FakeDocument();
  const el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  return { svg: el as unknown as SVGSVGElement, el };
}
