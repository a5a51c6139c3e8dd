/**
 * Markdown → HTML at build time only, for the purpose texts. Raw HTML in the source is shown as
 * text, images become links, and only http(s) and mailto links are kept, because purpose texts
 * can come from applicants.
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '../text/escape-html.ts';

function safeHref(href: string): string | undefined {
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

export function createMarkdownRenderer(): (markdown: string) => string {
  const marked = new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, { href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (!safe) return text;
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(safe)}"${t} rel="nofollow noopener">${text}</a>`;
      },
      image({ href, text }: Tokens.Image) {
        const safe = safeHref(href);
        return safe ? `<a href="${escapeHtml(safe)}" rel="nofollow noopener">${escapeHtml(text || safe)}</a>` : escapeHtml(text);
      },
    },
  });
  return (markdown) => marked.parse(markdown, { async: false }) as string;
}
