/**
 * Every catalogue says everything English says, in its own words: the same ids, the same
 * placeholders, the plural forms its language needs, and no English left behind except where a
 * word is rightly the same (each catalogue lists those ids itself, and each listed id must still
 * be the same). The typecheck already refuses a missing or extra id; this checks what types cannot.
 */
import { describe, expect, it } from 'vitest';
import * as registry from '../../src/i18n/catalogue/index.ts';
import { LOCALES, messages, t, type MessageId } from '../../src/i18n/index.ts';

const english = messages('en');
const ids = Object.keys(english) as MessageId[];
const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
const forms = (value: unknown): Record<string, string> => (typeof value === 'string' ? { other: value } : (value as Record<string, string>));

async function sameAsEnglish(locale: string): Promise<readonly string[]> {
  const module = (await import(`../../src/i18n/catalogue/${locale}.ts`)) as { sameAsEnglish?: readonly string[] };
  return module.sameAsEnglish ?? [];
}

describe('the catalogues', () => {
  it('are registered for every language the site offers, English first', () => {
    expect(LOCALES[0]).toBe('en');
    expect([...LOCALES].sort()).toEqual(Object.keys(registry).sort());
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'fr', 'es', 'pt', 'it', 'de']));
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalogue = messages(locale);

      it('has exactly the English ids, each with the same placeholders', () => {
        expect(Object.keys(catalogue).sort()).toEqual([...ids].sort());
        for (const id of ids) {
          const theirs = forms(catalogue[id]);
          const ours = forms(english[id]);
          expect(typeof catalogue[id], id).toBe(typeof english[id]);
          for (const text of Object.values(theirs)) expect(placeholders(text), `${locale} ${id}`).toEqual(placeholders(ours.other!));
        }
      });

      it('has the plural forms its language uses for small numbers', () => {
        const categories = new Set([0, 1, 2, 3, 5, 11, 21].map((n) => new Intl.PluralRules(locale).select(n)));
        for (const id of ids.filter((i) => typeof english[i] !== 'string')) {
          const given = forms(catalogue[id]);
          for (const category of categories)
            expect(given[category] ?? (category === 'other' ? undefined : given.other), `${locale} ${id} ${category}`).toBeDefined();
          expect(given.other).toBeDefined();
        }
      });

      it('leaves no English text behind, except the words it lists as the same in both', async () => {
        const allowed = new Set(await sameAsEnglish(locale));
        const untranslated = ids.filter((id) => JSON.stringify(catalogue[id]) === JSON.stringify(english[id]) && !allowed.has(id));
        expect(untranslated).toEqual([]);
        const stale = [...allowed].filter((id) => JSON.stringify(catalogue[id as MessageId]) !== JSON.stringify(english[id as MessageId]));
        expect(stale).toEqual([]);
      });
    });
  }
});

describe('t()', () => {
  it('fills placeholders and chooses plural forms by the language’s own rules', () => {
    expect(t('en', 'listing.count', { count: 0 })).toBe('0 groups');
    expect(t('fr', 'listing.count', { count: 0 })).toBe('0 groupe');
    expect(t('de', 'listing.count', { count: 1 })).toBe('1 Gruppe');
    expect(t('pt', 'listing.count', { count: 1234 })).toBe('1.234 grupos');
    expect(t('it', 'listing.pageOf', { page: 2, pages: 3 })).toBe('pagina 2 di 3');
    expect(t('es', 'problem.tooLong', { max: 200 })).toBe('debe tener como máximo 200 caracteres');
  });
});
