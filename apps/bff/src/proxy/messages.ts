import { message as m, type Message } from '../messages.ts';

/** What the proxy answers when it refuses a request, in both UI languages. */
export const proxyMessages = {
  pathNotAbsolute: m(
    'proxy.path.notAbsolute',
    'The path must start with "/".',
    '路径必须以“/”开头。',
  ),
  pathCharacters: m(
    'proxy.path.characters',
    'The path contains characters that are not allowed.',
    '路径包含不允许的字符。',
  ),
  pathEmptySegment: m(
    'proxy.path.emptySegment',
    'The path has an empty segment ("//" or a trailing "/").',
    '路径包含空段（“//”或结尾的“/”）。',
  ),
  pathEncoding: m(
    'proxy.path.encoding',
    'The path contains an encoding that is not allowed (an encoded "/", ".", "\\", "%", control or non-ASCII character).',
    '路径包含不允许的编码（编码后的“/”“.”“\\”“%”、控制字符或非 ASCII 字符）。',
  ),
  pathDotSegment: m(
    'proxy.path.dotSegment',
    'The path contains a "." or ".." segment.',
    '路径包含“.”或“..”段。',
  ),
  invalidNamespace: m(
    'proxy.path.invalidNamespace',
    'The namespace in the path is not a valid name.',
    '路径中的命名空间名称无效。',
  ),
  invalidName: m(
    'proxy.path.invalidName',
    'The object name in the path is not a valid name.',
    '路径中的对象名称无效。',
  ),
  notUsed: m(
    'proxy.notUsed',
    'The console does not use this API path.',
    '控制台不使用该 API 路径。',
  ),
  methodNotAllowed: m(
    'proxy.methodNotAllowed',
    '{method} is not allowed on {resource}.',
    '{resource} 不允许 {method} 请求。',
  ),
  verbForbidden: m(
    'proxy.verbForbidden',
    'The console does not allow "{verb}" on {resource}.',
    '控制台不允许对 {resource} 执行“{verb}”。',
  ),
  subresourceNotUsed: m(
    'proxy.subresourceNotUsed',
    'The console does not use {resource}/{subresource} through this proxy.',
    '控制台不通过此代理使用 {resource}/{subresource}。',
  ),
  deleteCollectionRefused: m(
    'proxy.deleteCollectionRefused',
    'Deleting every {resource} of a namespace in one request is not allowed; delete the objects one by one.',
    '不允许在一个请求中删除命名空间下全部 {resource}，请逐个删除对象。',
  ),
  queryMalformed: m(
    'proxy.query.malformed',
    'The query string has a malformed escape.',
    '查询字符串包含格式错误的转义。',
  ),
  queryRepeated: m(
    'proxy.query.repeated',
    'Query parameter {param} is repeated.',
    '查询参数 {param} 重复。',
  ),
  queryNotAllowed: m(
    'proxy.query.notAllowed',
    'Query parameter {param} is not allowed for {operation}.',
    '{operation} 请求不允许查询参数 {param}。',
  ),
  queryNoSelectors: m(
    'proxy.query.noSelectors',
    'This resource supports no {param}.',
    '该资源不支持 {param}。',
  ),
  queryBadValue: m(
    'proxy.query.badValue',
    'Query parameter {param} has a value that is not allowed.',
    '查询参数 {param} 的取值不被允许。',
  ),
  headerNotAllowed: m(
    'proxy.header.notAllowed',
    'The {header} header has a value that is not allowed.',
    '请求头 {header} 的取值不被允许。',
  ),
  contentTypeNotAllowed: m(
    'proxy.contentType.notAllowed',
    'Content-Type "{type}" is not accepted: send JSON, YAML or a patch type.',
    '不接受 Content-Type“{type}”：请发送 JSON、YAML 或补丁类型。',
  ),
} as const satisfies Record<string, Message>;
