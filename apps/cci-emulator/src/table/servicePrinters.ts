// Rows of the service-facing kinds: Service, Endpoints and Ingress.
import {
  formatLabelMap,
  listAt,
  nameOf,
  numberAt,
  objectAt,
  stringMapAt,
  textAt,
} from './objectFields.ts';
import type { JsonObject } from './objectFields.ts';
import { ageColumn, ageOf, column, nameColumn } from './tableTypes.ts';
import type { KindPrinter } from './tableTypes.ts';

function texts(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Load-balancer ingress points, IP preferred over hostname. */
function loadBalancerAddresses(status: unknown): string[] {
  return texts(
    listAt(status, 'loadBalancer', 'ingress').map((i) => textAt(i, 'ip') || textAt(i, 'hostname')),
  );
}

function serviceExternalIP(service: JsonObject, type: string): string {
  const spec = objectAt(service, 'spec');
  const externalIPs = texts(listAt(spec, 'externalIPs'));
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...loadBalancerAddresses(objectAt(service, 'status')), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return textAt(spec, 'externalName') ?? '';
    default:
      return '<unknown>';
  }
}

/** `53/UDP,53/TCP`, or `80:30080/TCP` when a node port is allocated. */
function servicePorts(spec: JsonObject): string {
  const pieces = listAt(spec, 'ports').map((p) => {
    const protocol = textAt(p, 'protocol') ?? 'TCP';
    const nodePort = numberAt(p, 'nodePort') ?? 0;
    const port = numberAt(p, 'port') ?? 0;
    return nodePort > 0 ? `${port}:${nodePort}/${protocol}` : `${port}/${protocol}`;
  });
  return pieces.length > 0 ? pieces.join(',') : '<none>';
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Type', 'How the service is exposed.'),
    column('Cluster-IP', 'Virtual IP of the service inside the cluster.'),
    column('External-IP', 'Addresses the service is reachable on from outside the cluster.'),
    column('Port(s)', 'Ports the service exposes.'),
    ageColumn,
    column('Selector', 'Labels of the pods that back the service.', { priority: 1 }),
  ],
  row(service: JsonObject, now: Date) {
    const spec = objectAt(service, 'spec');
    const type = textAt(spec, 'type') || 'ClusterIP';
    const clusterIP = texts(listAt(spec, 'clusterIPs'))[0] || textAt(spec, 'clusterIP') || '<none>';
    return {
      cells: [
        nameOf(service),
        type,
        clusterIP,
        serviceExternalIP(service, type),
        servicePorts(spec),
        ageOf(service, now),
        formatLabelMap(stringMapAt(spec, 'selector')),
      ],
    };
  },
};

const MAX_LISTED = 3;

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** `ip:port,...` over the ready addresses, at most three then `+ N more...`. */
export function endpointsCell(endpoints: JsonObject): string {
  const subsets = listAt(endpoints, 'subsets');
  const listed: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const ips = texts(listAt(subset, 'addresses').map((a) => textAt(a, 'ip')));
    const ports = listAt(subset, 'ports');
    // A headless service may have addresses without ports.
    const entries =
      ports.length === 0
        ? ips
        : ports.flatMap((p) => ips.map((ip) => hostPort(ip, numberAt(p, 'port') ?? 0)));
    count += entries.length;
    for (const entry of entries) if (listed.length < MAX_LISTED) listed.push(entry);
  }
  if (listed.length === 0) return '<none>';
  const text = listed.join(',');
  return count > MAX_LISTED ? `${text} + ${count - MAX_LISTED} more...` : text;
}

export const endpointsPrinter: KindPrinter = {
  columns: [nameColumn, column('Endpoints', 'Ready addresses of the service.'), ageColumn],
  row(endpoints: JsonObject, now: Date) {
    return { cells: [nameOf(endpoints), endpointsCell(endpoints), ageOf(endpoints, now)] };
  },
};

/** Hosts of the rules, at most three then `+ N more...`; `*` when no rule names a host. */
function ingressHosts(rules: unknown[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === MAX_LISTED) more = true;
    const host = textAt(rule, 'host');
    if (!more && host) hosts.push(host);
  }
  if (hosts.length === 0) return '*';
  const text = hosts.join(',');
  return more ? `${text} + ${rules.length - MAX_LISTED} more...` : text;
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Class', 'Ingress class that serves the ingress.'),
    column('Hosts', 'Host names the rules match.'),
    column('Address', 'Addresses of the load balancer serving the ingress.'),
    column('Ports', 'Ports the ingress listens on.'),
    ageColumn,
  ],
  row(ingress: JsonObject, now: Date) {
    const spec = objectAt(ingress, 'spec');
    return {
      cells: [
        nameOf(ingress),
        textAt(spec, 'ingressClassName') ?? '<none>',
        ingressHosts(listAt(spec, 'rules')),
        loadBalancerAddresses(objectAt(ingress, 'status')).join(','),
        listAt(spec, 'tls').length > 0 ? '80, 443' : '80',
        ageOf(ingress, now),
      ],
    };
  },
};
