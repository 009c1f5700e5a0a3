import type { Settings } from '../utils/settings';

/** Light/dark: follow the system unless the user chose one (data-theme on <html>). */
export function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}
