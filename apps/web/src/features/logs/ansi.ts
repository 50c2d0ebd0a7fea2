import Anser from 'anser';

/** A run of text with one style, from ANSI SGR sequences (colours, bold, italic, underline). */
export interface AnsiSegment {
  text: string;
  /** CSS colours ("rgb(r, g, b)") when set. */
  color?: string;
  background?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/**
 * ANSI-coloured text as styled runs, parsed by `anser` (a well-kept parser; ~5 KiB gzipped, in
 * the logs chunk only). Text without an escape character skips the parser.
 */
export function ansiSegments(text: string): AnsiSegment[] {
  if (!text.includes('\u001b')) return [{ text }];
  const entries = Anser.ansiToJson(text, { json: true, remove_empty: true, use_classes: false });
  return entries.map((e) => {
    const segment: AnsiSegment = { text: e.content };
    if (e.fg) segment.color = `rgb(${e.fg})`;
    if (e.bg) segment.background = `rgb(${e.bg})`;
    const decorations = e.decorations ?? [];
    if (decorations.includes('bold')) segment.bold = true;
    if (decorations.includes('italic')) segment.italic = true;
    if (decorations.includes('underline')) segment.underline = true;
    return segment;
  });
}
