// The web console's test hooks, from the SPA's own contract file (a type-free constants module,
// so the e2e project can import it without the SPA's build setup).
export { rowTestId, testIds } from '../../apps/web/src/testids.ts';
