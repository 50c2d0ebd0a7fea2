/**
 * Search parameters of a details page: `tab`, the open tab (an action such as "Logs" opens the
 * page on its tab; a link to a tab can be shared). Kept apart from the page so the router can
 * import it without loading the details screen.
 */
export interface DetailsSearch {
  tab?: string | undefined;
}

export function validateDetailsSearch(search: Record<string, unknown>): DetailsSearch {
  const tab = search['tab'];
  return { tab: typeof tab === 'string' && /^[a-z]{1,20}$/.test(tab) ? tab : undefined };
}
