// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { doctypeText, escapeAttribute, escapeCommentText, escapeRawText, escapeText, HtmlParts, VOID_ELEMENTS } from './html-writer';

describe('escaping', () => {
  it('escapes attribute values', () => {
    expect(escapeAttribute('a & "b" \u00a0<c>')).toBe('a &amp; &quot;b&quot; &nbsp;&lt;c&gt;');
    expect(escapeAttribute("it's")).toBe("it's");
  });

  it('escapes text', () => {
    expect(escapeText('1 < 2 && "3" > 0\u00a0')).toBe('1 &lt; 2 &amp;&amp; "3" &gt; 0&nbsp;');
  });

  it('keeps raw text from closing its element', () => {
    expect(escapeRawText('a{content:"</STYLE><b>"}', 'style')).toBe('a{content:"<\\/STYLE><b>"}');
  });

  it('keeps comment text from ending the comment', () => {
    const text = escapeCommentText('https://x.test/a--b---c <!-- -->');
    expect(text).not.toContain('--');
    expect(text).not.toContain('<!');
    expect(text).toContain('https://x.test/a-%2Db-%2D-c');
  });
});

describe('doctypeText', () => {
  it('keeps public and system ids', () => {
    const doc = document.implementation.createDocumentType('html', '-//W3C//DTD HTML 4.01 Transitional//EN', '');
    expect(doctypeText(doc)).toBe('<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">');
    expect(doctypeText(document.implementation.createDocumentType('html', '', ''))).toBe('<!DOCTYPE html>');
    expect(doctypeText(null)).toBe('');
  });
});

describe('VOID_ELEMENTS', () => {
  it('lists elements without end tags', () => {
    for (const name of ['img', 'br', 'input', 'meta', 'link', 'source']) expect(VOID_ELEMENTS.has(name)).toBe(true);
    expect(VOID_ELEMENTS.has('div')).toBe(false);
  });
});

describe('HtmlParts', () => {
  it('fills pending parts in place, escaped', async () => {
    const parts = new HtmlParts();
    parts.push('<a title="');
    parts.later(Promise.resolve('x & y'), escapeAttribute);
    parts.push('">');
    const note = parts.reserve();
    parts.push('</a>');
    await parts.settle();
    parts.fill(note, 'z');
    expect(parts.text()).toBe('<a title="x &amp; y">z</a>');
  });
});
