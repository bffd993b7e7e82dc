/**
 * <theme-toggle>: the light/dark button in the site header, on every page. Wires the button to the
 * page's theme, the kept choice and the system setting (theme-toggle.ts); without JavaScript the
 * toggle is hidden (BaseLayout's noscript style).
 */
import { wireThemeToggle } from './theme-toggle.ts';

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    wireThemeToggle(button, {
      root: document.documentElement,
      storage: localStorage,
      system: matchMedia('(prefers-color-scheme: dark)'),
      events: document,
    });
  }
}
customElements.define('theme-toggle', ThemeToggle);
