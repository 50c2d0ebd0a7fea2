// Pod addresses from the namespace's Network subnet (rule N7).

export interface Ipv4Cidr {
  network: number;
  prefix: number;
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** `192.168.0.0/24` → its network address and prefix; undefined when malformed. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const address = parseIpv4(match[1] ?? '');
  const prefix = Number(match[2]);
  if (address === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { network: address - (address % size), prefix };
}

export function cidrContains(cidr: Ipv4Cidr, ip: string): boolean {
  const value = parseIpv4(ip);
  return (
    value !== undefined && value >= cidr.network && value < cidr.network + 2 ** (32 - cidr.prefix)
  );
}

/**
 * The lowest free address of the subnet. The network address, the first usable address (the
 * subnet's gateway in a VPC) and the broadcast address are never handed out.
 */
export function allocatePodIp(cidrText: string, used: ReadonlySet<string>): string | undefined {
  const cidr = parseCidr(cidrText);
  if (!cidr) return undefined;
  const size = 2 ** (32 - cidr.prefix);
  for (let offset = 2; offset < size - 1; offset++) {
    const ip = formatIpv4(cidr.network + offset);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
