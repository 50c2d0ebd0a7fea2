/**
 * CSP shim for xterm.js (swapped in by build/xtermCsp.ts): stands in for each `<style>` element
 * xterm creates. It is a comment node, so appending it to the terminal applies nothing and the
 * browser checks nothing; the text xterm writes into it goes to a constructable stylesheet in
 * `document.adoptedStyleSheets`, which style-src does not restrict, and leaves with the node.
 * xterm uses only `textContent` (set) and `remove()` of its style elements.
 */
export function xtermStyleNode(doc: Document): Comment {
  const node = doc.createComment('xterm style');
  const sheet = new CSSStyleSheet();
  let text = '';
  let adopted = false;
  Object.defineProperty(node, 'textContent', {
    get: () => text,
    set: (value: unknown) => {
      text = value == null ? '' : String(value);
      sheet.replaceSync(text);
      if (!adopted) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
    },
  });
  const remove = node.remove.bind(node);
  node.remove = () => {
    remove();
    if (!adopted) return;
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    adopted = false;
  };
  return node;
}
