import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, html, jsonForScript, raw } from '../../src/text/html.ts';

const unescapeHtml = (s: string) => s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

describe('html`` escapes everything it is given', () => {
  it('escapes text in content and attributes, and leaves nested html as it is', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    const out = html`<a title="${name}">${name}</a>${html`<b>${'<i>'}</b>`}`.value;
    expect(out).toBe(
      `<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</a><b>&lt;i&gt;</b>`,
    );
  });

  it('joins arrays, renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${['a', html`<br>`, null, undefined, false, 0]}`.value).toBe('a<br>0');
  });

  it('passes raw() through untouched', () => {
    expect(html`<div>${raw('<p>trusted</p>')}</div>`.value).toBe('<div><p>trusted</p></div>');
  });

  it('never lets an interpolated string open or close a tag or an attribute, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = html`<p title="${s}">${s}</p>`.value;
        const inner = out.slice('<p title="'.length, out.indexOf('">'));
        expect(inner).not.toMatch(/[<>"']/);
        expect(unescapeHtml(inner)).toBe(s);
        expect(escapeText(s)).toBe(inner);
      }),
    );
  });
});

describe('jsonForScript', () => {
  it('cannot close its <script> element and still parses to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: 'a & b <!-- c -->', sep: '\u2028' };
    const text = jsonForScript(value).value;
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
