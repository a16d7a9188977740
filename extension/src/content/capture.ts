// The page as evidence. For now the live DOM's markup as it stands when the click is held.
export function capturePageHtml(doc: Document): string {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  return doctype + doc.documentElement.outerHTML;
}
