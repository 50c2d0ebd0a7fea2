/**
 * Every message the BFF itself answers with, in both UI languages. The SPA shows
 * `messages[lang]` from a Status body, or translates `messageKey` with its own catalogue.
 * Placeholders `{name}` are filled from params; params never hold a secret.
 */
export interface Message {
  key: string;
  en: string;
  'zh-CN': string;
}

/** One message of a catalogue: its key and the text in both languages (en, then zh-CN). */
export function message(key: string, en: string, zh: string): Message {
  return { key, en, 'zh-CN': zh };
}

const m = message;

export const messages = {
  sessionExpired: m(
    'session.expired',
    'Your session has ended. Sign in again.',
    '会话已结束，请重新登录。',
  ),
  sessionRevoked: m(
    'session.revoked',
    'CCI no longer accepts the credentials of this session (they may have been revoked or changed). Sign in again.',
    'CCI 不再接受本会话的凭证（可能已被撤销或修改），请重新登录。',
  ),
  wrongPassword: m(
    'signIn.wrongCredentials',
    'The account name, user name or password is wrong.',
    '账号名、用户名或密码错误。',
  ),
  wrongAccessKey: m(
    'signIn.wrongAccessKey',
    'The access key (AK) or secret key (SK) is wrong.',
    '访问密钥（AK）或私有访问密钥（SK）错误。',
  ),
  unknownProject: m(
    'signIn.unknownProject',
    'Project {project} does not exist in this account.',
    '该账号下不存在项目 {project}。',
  ),
  projectLookupForbidden: m(
    'signIn.projectLookupForbidden',
    'This access key may not look up IAM projects by name. Enter the project ID instead.',
    '该访问密钥无权按名称查询 IAM 项目，请改为填写项目 ID。',
  ),
  iamUnreachable: m(
    'iam.unreachable',
    'The IAM endpoint {endpoint} cannot be reached ({cause}).',
    '无法连接 IAM 端点 {endpoint}（{cause}）。',
  ),
  iamTimeout: m(
    'iam.timeout',
    'The IAM endpoint {endpoint} did not answer within {seconds} s.',
    'IAM 端点 {endpoint} 在 {seconds} 秒内未响应。',
  ),
  iamUnexpected: m(
    'iam.unexpected',
    'The IAM endpoint {endpoint} answered HTTP {status}: {detail}',
    'IAM 端点 {endpoint} 返回 HTTP {status}：{detail}',
  ),
  cciUnreachable: m(
    'cci.unreachable',
    'The CCI endpoint {endpoint} cannot be reached ({cause}).',
    '无法连接 CCI 端点 {endpoint}（{cause}）。',
  ),
  cciTimeout: m(
    'cci.timeout',
    'The CCI endpoint {endpoint} did not answer within {seconds} s.',
    'CCI 端点 {endpoint} 在 {seconds} 秒内未响应。',
  ),
  validationFailed: m(
    'signIn.validationFailed',
    'Signing in to IAM worked, but CCI at {endpoint} refused the check with HTTP {status}.',
    'IAM 登录成功，但 CCI（{endpoint}）校验凭证时返回 HTTP {status}。',
  ),
  tokenTooShort: m(
    'signIn.tokenExpiresTooSoon',
    'IAM issued a token that expires too soon to start a session.',
    'IAM 签发的令牌即将过期，无法建立会话。',
  ),
  invalidJson: m(
    'request.invalidJson',
    'The request body is not valid JSON.',
    '请求体不是合法的 JSON。',
  ),
  fieldRequired: m('request.fieldRequired', '{field} is required.', '{field} 为必填项。'),
  fieldInvalid: m(
    'request.fieldInvalid',
    '{field} is invalid: {problem}.',
    '{field} 无效：{problem}。',
  ),
  unknownRegion: m(
    'request.unknownRegion',
    'Region {region} is not a CCI region.',
    '{region} 不是 CCI 支持的区域。',
  ),
  jsonRequired: m(
    'request.jsonRequired',
    'Send this request as JSON (Content-Type: application/json).',
    '请以 JSON 格式发送此请求（Content-Type: application/json）。',
  ),
  liveCapSession: m(
    'live.capSession',
    'This session already holds {limit} open {kind} connections. Close some (other tabs or views), then retry in {seconds} s.',
    '本会话已打开 {limit} 个 {kind} 连接。请关闭一些（其他标签页或视图），{seconds} 秒后重试。',
  ),
  liveCapUser: m(
    'live.capUser',
    'Your sign-ins together already hold {limit} open live connections. Close some, then retry in {seconds} s.',
    '您的各登录会话共已打开 {limit} 个实时连接。请关闭一些，{seconds} 秒后重试。',
  ),
  signInThrottled: m(
    'signIn.throttled',
    'Too many sign-in attempts. Wait {seconds} s, then try again.',
    '登录尝试次数过多，请等待 {seconds} 秒后重试。',
  ),
  bodyTooLarge: m(
    'request.bodyTooLarge',
    'The request body is larger than {bytes} bytes.',
    '请求体超过 {bytes} 字节。',
  ),
  csrfRefused: m(
    'csrf.refused',
    'Request refused: it did not come from the console page ({why}).',
    '请求被拒绝：该请求并非来自控制台页面（{why}）。',
  ),
  notFound: m('request.notFound', 'No such endpoint: {path}.', '接口不存在：{path}。'),
  storeUnavailable: m(
    'store.unavailable',
    'The console cannot reach its session store (Redis) right now. Try again in {seconds} seconds.',
    '控制台暂时无法连接会话存储（Redis），请在 {seconds} 秒后重试。',
  ),
  internal: m('internal', 'Internal error in the console server.', '控制台服务器内部错误。'),
} as const satisfies Record<string, Message>;

export type Params = Record<string, string | number>;

export interface Localized {
  en: string;
  'zh-CN': string;
}

/** Both languages with `{name}` placeholders filled; unknown placeholders stay visible. */
export function localize(message: Message, params: Params = {}): Localized {
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  return { en: fill(message.en), 'zh-CN': fill(message['zh-CN']) };
}
