import type {
  AccessKeyRecord,
  DomainRecord,
  ProjectRecord,
  UserRecord,
  UsersFile,
} from './usersFile.ts';
import { DEFAULT_ROLES, type RoleName } from './roles.ts';

/** Who is calling: the result of every successful authentication. */
export interface Identity {
  userId: string;
  userName: string;
  domainId: string;
  domainName: string;
  projectId: string;
  projectName: string;
  method: 'password' | 'aksk';
}

export interface AccessKeyOwner {
  accessKey: AccessKeyRecord;
  user: UserRecord;
  domain: DomainRecord;
}

/** Read-only lookups over one users file; build a new one when the file changes. */
export interface UserDirectory {
  /** The accounts in file order. */
  domains(): DomainRecord[];
  domainByName(name: string): DomainRecord | undefined;
  domainById(id: string): DomainRecord | undefined;
  userByName(domain: DomainRecord, name: string): UserRecord | undefined;
  userById(domain: DomainRecord, id: string): UserRecord | undefined;
  projectByName(domain: DomainRecord, name: string): ProjectRecord | undefined;
  projectById(domain: DomainRecord, id: string): ProjectRecord | undefined;
  /** The domain's projects in file order (IAM's GET /v3/projects). */
  projects(domain: DomainRecord): ProjectRecord[];
  /** The domain's first project in file order: the default scope for AK/SK requests. */
  defaultProject(domain: DomainRecord): ProjectRecord | undefined;
  accessKey(ak: string): AccessKeyOwner | undefined;
  /**
   * The identity as the directory sees it now, or undefined when its user, domain or project
   * has been removed: a token of a removed user must stop working at once (A3).
   */
  current(identity: Identity): Identity | undefined;
  /** The IAM roles the identity's user holds now (a changed file takes effect at once). */
  rolesOf(identity: Identity): readonly RoleName[];
}

export function createUserDirectory(file: UsersFile): UserDirectory {
  const domainsByName = new Map(file.domains.map((d) => [d.name, d]));
  const domainsById = new Map(file.domains.map((d) => [d.id, d]));
  const owners = new Map<string, AccessKeyOwner>();
  for (const domain of file.domains) {
    for (const accessKey of domain.accessKeys) {
      const user = domain.users.find((u) => u.name === accessKey.user);
      if (user) owners.set(accessKey.ak, { accessKey, user, domain });
    }
  }
  const projectsOf = (domain: DomainRecord) =>
    file.projects.filter((p) => p.domain === domain.name);

  const directory: UserDirectory = {
    domains: () => file.domains,
    domainByName: (name) => domainsByName.get(name),
    domainById: (id) => domainsById.get(id),
    userByName: (domain, name) => domain.users.find((u) => u.name === name),
    userById: (domain, id) => domain.users.find((u) => u.id === id),
    projectByName: (domain, name) => projectsOf(domain).find((p) => p.name === name),
    projectById: (domain, id) => projectsOf(domain).find((p) => p.id === id),
    projects: (domain) => projectsOf(domain),
    defaultProject: (domain) => projectsOf(domain)[0],
    accessKey: (ak) => owners.get(ak),
    current(identity) {
      const domain = domainsById.get(identity.domainId);
      const user = domain && directory.userById(domain, identity.userId);
      const project = domain && directory.projectById(domain, identity.projectId);
      if (!domain || !user || !project) return undefined;
      return {
        ...identity,
        userName: user.name,
        domainName: domain.name,
        projectName: project.name,
      };
    },
    rolesOf(identity) {
      const domain = domainsById.get(identity.domainId);
      const user = domain && directory.userById(domain, identity.userId);
      if (!user) return [];
      return user.roles ?? DEFAULT_ROLES;
    },
  };
  return directory;
}
