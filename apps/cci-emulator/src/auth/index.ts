/** Public surface of the emulator's IAM emulation and request authentication. */
export { authenticate } from './authenticate.ts';
export type { AuthDeps, AuthRequest, AuthResult } from './authenticate.ts';
export { signRequest, formatSdkDate, parseSdkDate, UNSIGNED_PAYLOAD } from '@cci/hwcloud-auth';
export type { SignableRequest, SignOptions } from '@cci/hwcloud-auth';
export { createUserDirectory } from './directory.ts';
export type { AccessKeyOwner, Identity, UserDirectory } from './directory.ts';
export { handleIamTokenRequest, iamTimestamp } from './iam.ts';
export type { IamDeps, IamResponse } from './iam.ts';
export { handleIamProjectsRequest } from './iamProjects.ts';
export { hashPassword, passwordMatches } from './passwords.ts';
export { createTokenService, isTokenError } from './tokens.ts';
export type { IssuedToken, TokenError, TokenService, TokenServiceOptions } from './tokens.ts';
export {
  CCI_REGIONS,
  DEMO_ACCESS_KEY,
  DEMO_DOMAIN_NAME,
  DEMO_PASSWORD,
  DEMO_SECRET_KEY,
  DEMO_USER_NAME,
  DEMO_VIEWER_NAME,
  DEMO_VIEWER_PASSWORD,
  OTHER_DOMAIN_NAME,
  OTHER_PASSWORD,
  defaultDemoUsers,
  loadUsers,
  parseUsers,
  UsersFileError,
} from './users.ts';
export type * from './usersFile.ts';
export { ALL_VERBS, DEFAULT_ROLES, ROLE_NAMES, rolesAllow, verbsOf } from './roles.ts';
export type { RoleName, Verb } from './roles.ts';
