/**
 * Display math that is wider than a phone scrolls sideways; a scrollable region must be reachable
 * by keyboard (WCAG 2.1.1, axe `scrollable-region-focusable`), so each KaTeX display block gets
 * tabindex="0" and a label. Runs after rehype-katex.
 */
export default function rehypeScrollableMath() {
  const visit = (node) => {
    if (
      node.type === 'element' &&
      Array.isArray(node.properties?.className) &&
      node.properties.className.includes('katex-display')
    ) {
      node.properties.tabIndex = 0;
      node.properties.role = 'group';
      node.properties.ariaLabel = 'Equation (scrolls sideways on narrow screens)';
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
