/**
 * The editor's language, for the CMS (cms.ts) and the Applications page (applications.ts) alike:
 * `?lang=pt` on either page (remembered in this browser, so the other page follows), else the
 * language chosen before, else the browser's languages by preference — the same picker as the site
 * (src/i18n/negotiate.ts), so an editor reads both pages in one language.
 */
import { negotiate } from '../src/i18n/negotiate.ts';

export const LANGUAGE_KEY = 'solidarity-directory.editor-language';

/** The best of `locales` for this editor; `locales[0]` (English) when nothing matches. */
export function editorLanguage<L extends string>(locales: readonly L[]): L {
  const asked = new URLSearchParams(location.search).get('lang');
  let stored: string | null = null;
  try {
    if (asked && (locales as readonly string[]).includes(asked)) localStorage.setItem(LANGUAGE_KEY, asked);
    stored = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    stored = null; // storage refused (private mode): the browser's languages decide
  }
  return negotiate(locales, { explicit: [asked, stored], acceptLanguage: (navigator.languages ?? [navigator.language]).join(',') });
}
