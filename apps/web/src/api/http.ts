/**
 * Moved to lib/kube/http.ts. Only features/wizards still import this path (they move to
 * screen folders on their own branch and then import lib/kube directly); delete this file then.
 */
export { ApiError, apiFetch, type StatusBody, type StatusCause } from '../lib/kube/http.ts';
