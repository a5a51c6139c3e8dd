/**
 * The editors' CMS at /admin: Decap CMS from npm, configured with the config that
 * scripts/build-admin.ts derived from the schema (src/cms/cms-config.ts) in every language and
 * injected as `__CMS_CONFIGS__`. `load_config_file: false`: there is no config.yml to drift from
 * the schema.
 *
 * The editor's language: `/admin/?lang=pt` (remembered in this browser), else the language
 * chosen before, else the browser's languages — one picker for the CMS and the Applications page
 * (editor-language.ts), the same as the site's (src/i18n/negotiate.ts).
 * Decap's own buttons and menus come from the locales decap-cms-app bundles; our field labels,
 * hints and options from the catalogues.
 */
import CMS from 'decap-cms-app';
import type { Map as ImmutableMap } from 'immutable';
import { checkEntry, emptyValuePaths, type EntryDraft } from '../src/cms/check-entry.ts';
import type { DecapConfig } from '../src/cms/decap-config-types.ts';
import { t, type Locale } from '../src/i18n/index.ts';
import { editorLanguage } from './editor-language.ts';
import { skipWhenHiddenInLocale } from './hidden-locale-fields.ts';
import { previewTemplates } from './preview.ts';

declare const __CMS_CONFIGS__: Record<string, DecapConfig>;
declare const __CMS_LOCALES__: readonly Locale[];

const language = editorLanguage(__CMS_LOCALES__);

/** Decap shows `String(error)` in its toasts; without the "Error:" prefix the list reads as a sentence. */
class EntryRefused extends Error {
  constructor(problems: string[]) {
    super(problems.join(' • '));
    this.name = 'EntryRefused';
  }
  override toString(): string {
    return this.message;
  }
}

type DecapEntry = ImmutableMap<string, unknown>;

function draftOf(entry: DecapEntry): EntryDraft {
  const plain = entry.toJS() as { collection: string; slug?: string; newRecord?: boolean; data?: Record<string, unknown>; i18n?: EntryDraft['i18n'] };
  return {
    collection: plain.collection,
    slug: plain.slug || undefined,
    newRecord: plain.newRecord === true,
    data: plain.data ?? {},
    i18n: plain.i18n,
  };
}

/**
 * Before a save (a draft in the editorial workflow) and before publishing (which also covers
 * applicants' entries that never went through the editor), check the entry exactly as the content
 * build will. Decap's events: https://decapcms.org/docs/registering-events/
 */
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: DecapEntry }) => {
    const draft = draftOf(entry);
    const { problems } = checkEntry(draft, language);
    if (problems.length > 0) throw new EntryRefused(problems);
    // The same entry, without the empty values cleared fields leave behind (what checkEntry checked).
    const data = entry.get('data') as ImmutableMap<string, unknown>;
    return emptyValuePaths(draft.data).reduce((d, path) => d.deleteIn(path), data);
  },
} as never);

CMS.registerEventListener({
  name: 'prePublish',
  handler: ({ entry }: { entry: DecapEntry }) => {
    const { problems } = checkEntry({ ...draftOf(entry), newRecord: false }, language);
    if (problems.length > 0) throw new EntryRefused(problems);
  },
} as never);

/** Plainer wording for volunteers, and the schema's message as the whole pattern error. */
function phrases(base: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, Record<string, Record<string, Record<string, string>>>>;
  const widget = copy.editor?.editorControlPane?.widget;
  if (widget) widget.regexPattern = '%{fieldLabel}: %{pattern}';
  const toast = copy.ui?.toast as unknown as Record<string, string> | undefined;
  if (toast) {
    toast.onFailToPersist = 'Not saved. %{details}';
    toast.onFailToPublishEntry = 'Not published. %{details}';
  }
  return copy;
}
const english = CMS.getLocale('en');
if (english) CMS.registerLocale('en', phrases(english as Record<string, unknown>) as never);

skipWhenHiddenInLocale(CMS as never, 'relation');

const { GroupPreview, TermPreview } = previewTemplates(language);
CMS.registerPreviewTemplate('groups', GroupPreview as never);
CMS.registerPreviewTemplate('subjects', TermPreview as never);
CMS.registerPreviewTemplate('sectors', TermPreview as never);

document.documentElement.lang = language;
// The link to the Applications page (index.html, outside Decap's interface), in the same language.
const deskLink = document.querySelector<HTMLAnchorElement>('a.desk-link');
if (deskLink) deskLink.textContent = t(language, 'desk.title');
CMS.init({ config: (__CMS_CONFIGS__[language] ?? __CMS_CONFIGS__.en) as never });
