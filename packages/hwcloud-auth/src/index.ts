/**
 * Huawei Cloud API Gateway request signing (SDK-HMAC-SHA256), shared by the emulator (which
 * verifies signatures) and the BFF (which signs upstream requests for AK/SK sessions).
 */
export {
  ALGORITHM,
  UNSIGNED_PAYLOAD,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  hmacHex,
  parseSdkDate,
  percentEncode,
  sha256Hex,
  signRequest,
  stringToSign,
} from './aksk.ts';
export type { CanonicalParts, SignableRequest, SignOptions } from './aksk.ts';
