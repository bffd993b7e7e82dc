/**
 * The header navigation. A section is listed only once its page exists, so the header never links
 * to a page that is not built (the end-to-end test checks every link resolves).
 */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV: readonly NavItem[] = [
  { href: '/lessons/', label: 'Lessons' },
  { href: '/models/', label: 'Models' },
  { href: '/scaling/', label: 'Scaling' },
  { href: '/train/', label: 'Train' },
  { href: '/explore/', label: 'Explore' },
];

/** True when `path` is the section's page or below it. */
export function isCurrent(item: NavItem, path: string): boolean {
  const p = path.endsWith('/') ? path : `${path}/`;
  return p === item.href || p.startsWith(item.href);
}
