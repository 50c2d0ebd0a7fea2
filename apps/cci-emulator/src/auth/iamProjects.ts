import type { Identity, UserDirectory } from './directory.ts';
import type { IamResponse } from './iam.ts';

/**
 * Huawei IAM `GET /v3/projects` for an authenticated caller (token or AK/SK): the projects of
 * the caller's account, filtered by `name` and `domain_id` as IAM does. Clients holding only an
 * AK/SK use it to turn a project name (e.g. the region, A2) into the id that `X-Project-Id`
 * needs. Other IAM filters (enabled, parent_id, paging) are accepted and ignored: every
 * emulated project is enabled and the lists are short.
 */
export function handleIamProjectsRequest(
  caller: Identity,
  query: URLSearchParams,
  directory: UserDirectory,
): IamResponse {
  const domain = directory.domainById(caller.domainId);
  const name = query.get('name');
  const domainId = query.get('domain_id');
  const projects =
    !domain || (domainId !== null && domainId !== domain.id)
      ? []
      : directory.projects(domain).filter((p) => name === null || p.name === name);
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    body: {
      projects: projects.map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: domain?.id ?? '',
        parent_id: domain?.id ?? '',
        is_domain: false,
        enabled: true,
        description: '',
        links: { self: `/v3/projects/${p.id}` },
      })),
      links: { self: '/v3/projects', previous: null, next: null },
    },
  };
}
