/**
 * The theme toggle's behaviour: its button flips the page between light and dark and keeps the
 * reader's choice (BaseLayout's head script applies a kept choice before the first paint); until
 * the reader chooses, the page follows the system setting as it changes. The page's globals come
 * in as arguments, so that choice is unit-tested without a browser.
 */

export interface ThemePage {
  /** The element whose data-theme the stylesheets read (document.documentElement). */
  readonly root: { readonly dataset: DOMStringMap };
  /** Where the choice is kept, under 'depthwise-theme' (localStorage). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** matchMedia('(prefers-color-scheme: dark)'). */
  readonly system: Pick<MediaQueryList, 'addEventListener'>;
  /**
   * Told of every switch, the reader's or the system's, with a `depthwise:theme` event whose detail
   * is the new theme (document): canvases painted from the theme repaint on it.
   */
  readonly events: Pick<EventTarget, 'dispatchEvent'>;
}

/** Labels the button for the current theme and makes it, and the system setting, switch the theme. */
export function wireThemeToggle(button: Pick<HTMLElement, 'setAttribute' | 'addEventListener'>, page: ThemePage): void {
  const { root, storage, system, events } = page;
  const label = () => {
    const dark = root.dataset.theme === 'dark';
    button.setAttribute('aria-label', dark ? 'Switch to light theme' : 'Switch to dark theme');
    button.setAttribute('aria-pressed', String(dark));
  };
  label();
  const apply = (theme: string): void => {
    root.dataset.theme = theme;
    label();
    events.dispatchEvent(new CustomEvent('depthwise:theme', { detail: theme }));
  };
  button.addEventListener('click', () => {
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    storage.setItem('depthwise-theme', next);
    apply(next);
  });
  system.addEventListener('change', (e) => {
    if (storage.getItem('depthwise-theme')) return;
    apply(e.matches ? 'dark' : 'light');
  });
}
