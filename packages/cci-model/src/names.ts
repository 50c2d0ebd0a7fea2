/**
 * DNS-1123 names, as the API server checks them (apimachinery's IsDNS1123Label and
 * IsDNS1123Subdomain). Namespaces and Services are named by labels, most other objects by
 * subdomains; the emulator, the BFF's path checks and the rules all use these, so a name the
 * console accepts is one the API server accepts.
 */
export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

/** The label format without anchors, for building larger patterns (hosts, prefixes). */
export const DNS1123_LABEL_FORMAT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
export const DNS1123_SUBDOMAIN_FORMAT = `${DNS1123_LABEL_FORMAT}(\\.${DNS1123_LABEL_FORMAT})*`;

const labelPattern = new RegExp(`^${DNS1123_LABEL_FORMAT}$`);
const subdomainPattern = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);

/** Lower-case letters, digits and '-', starting and ending alphanumeric, at most 63 chars. */
export function isDns1123Label(value: string): boolean {
  return value.length <= DNS1123_LABEL_MAX && labelPattern.test(value);
}

/** Dot-separated DNS-1123 labels, at most 253 chars (e.g. 'example.com', 'web-0'). */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= DNS1123_SUBDOMAIN_MAX && subdomainPattern.test(value);
}
