/** An elastic public IP as the emulated VPC service keeps it (see eipInventory.ts). */
export interface EipBandwidth {
  shareType: 'PER' | 'WHOLE';
  name?: string;
  size?: number;
  chargeMode?: 'bandwidth' | 'traffic';
  /** Shared bandwidth (WHOLE) only. */
  id?: string;
}

export interface EipPodRef {
  namespace: string;
  name: string;
  uid: string;
}

/** What an EIP is bound to: a NAT gateway, a load balancer or a pod. */
export type EipUser = 'nat' | 'elb' | { pod: EipPodRef };

export interface Eip {
  id: string;
  /** The EIP's alias in the VPC service (the default bandwidth name of a pod's EIP). */
  name: string;
  address: string;
  ipVersion: 4 | 6;
  networkType: string;
  /** ACTIVE while bound, DOWN while free (as the VPC service reports). */
  status: 'DOWN' | 'ACTIVE';
  bandwidth: EipBandwidth;
  usedBy?: EipUser;
  /** `namespace/name` of the EIPPool holding it. */
  pool?: string;
  createdWith: 'pool' | 'pod' | 'user';
  createdAt: string;
  /** When a pod last gave it back: pools hand out the longest-free EIP first (E9). */
  releasedAt?: string;
}
