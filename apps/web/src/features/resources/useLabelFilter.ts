import { useEffect, useMemo, useState } from 'react';
import type * as LabelFilter from './labelFilter.ts';
import type { ParsedFilter } from './labelFilter.ts';

type LabelFilterModule = typeof LabelFilter;

const NO_FILTER: ParsedFilter = { ok: true, selector: undefined, matches: undefined };

// Shared by every list: the module loads once per page.
let loaded: LabelFilterModule | undefined;
let loading: Promise<LabelFilterModule> | undefined;

/**
 * The list's label filter, parsed. The selector parser (lexer, requirements, label validation:
 * ~2 KB gzip) loads with the first non-empty filter, not with the list: most list opens have no
 * filter, and the first load has a budget (docs/architecture.md, "Bundle"). Until it has loaded
 * (a few ms, once) the filter is `undefined` and the list stays unfiltered, as it does for a
 * filter that doesn't parse.
 */
export function useLabelFilter(text: string): ParsedFilter | undefined {
  const [parser, setParser] = useState(loaded);
  const wanted = text.trim() !== '';
  useEffect(() => {
    if (!wanted || parser) return;
    let current = true;
    loading ??= import('./labelFilter.ts').then((module) => (loaded = module));
    void loading.then((module) => current && setParser(module));
    return () => {
      current = false;
    };
  }, [wanted, parser]);
  return useMemo(() => {
    if (!wanted) return NO_FILTER;
    return parser?.parseLabelFilter(text);
  }, [wanted, parser, text]);
}
