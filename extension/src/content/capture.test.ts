// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { capturePageHtml } from './capture';

describe('capturePageHtml', () => {
  it('keeps the doctype and the current markup, including changes made after load', () => {
    const doc = document.implementation.createHTMLDocument('order');
    if (!doc.doctype) doc.insertBefore(doc.implementation.createDocumentType('html', '', ''), doc.documentElement);
    doc.body.innerHTML = '<div id="order">订单号：1234</div>';
    doc.getElementById('order')!.textContent = '订单号：5678';
    const html = capturePageHtml(doc);
    expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
    expect(html).toContain('订单号：5678');
  });
});
