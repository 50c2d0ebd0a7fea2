/**
 * The EIPs a new emulator starts with, as if the user had created them in the VPC console:
 * free ones to take over in a static EIPPool (E3) or bind with `yangtse.io/eip-id` (EIP2), and
 * one each bound to a NAT gateway and a load balancer, which a static pool cannot take (E3).
 * Fixed IDs and addresses so documentation and tests can name them.
 */
import type { Eip } from './eip.ts';

const createdAt = '2024-01-01T00:00:00Z';
const dedicated = (name: string): Eip['bandwidth'] => ({
  shareType: 'PER',
  name,
  size: 5,
  chargeMode: 'bandwidth',
});

function userEip(n: number, usedBy?: 'nat' | 'elb'): Eip {
  const name = usedBy ? `eip-${usedBy}` : `eip-user-${n}`;
  const eip: Eip = {
    id: `5eed0000-0000-4000-8000-00000000000${n}`,
    name,
    address: `203.0.113.${10 + n}`,
    ipVersion: 4,
    networkType: '5_bgp',
    status: usedBy ? 'ACTIVE' : 'DOWN',
    bandwidth: dedicated(`bandwidth-${name}`),
    createdWith: 'user',
    createdAt,
  };
  if (usedBy) eip.usedBy = usedBy;
  return eip;
}

export const defaultEips: readonly Eip[] = [
  userEip(1),
  userEip(2),
  userEip(3),
  userEip(4),
  userEip(5, 'nat'),
  userEip(6, 'elb'),
];

/** Handy names for the seeded EIPs (tests, docs). */
export const seededEip = {
  free: defaultEips.slice(0, 4),
  usedByNat: defaultEips[4] as Eip,
  usedByElb: defaultEips[5] as Eip,
};
