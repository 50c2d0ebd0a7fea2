/** Strings of the "Create Deployment" form (D1, D2, P1, P2, E4, E8, EIP1-EIP7, S3). English; loaded with the screens that use it (i18n/catalogs.ts). */
export const en = {
  workloads: {
    create: 'Create Deployment',
    createTitle: 'Create a Deployment in {{namespace}}',
    useSnapshot: 'Create a workload using it',
    name: 'Name',
    nameHint: 'Pods are named <name>-<hash>-<5 characters>.',
    image: 'Image',
    replicas: 'Replicas',
    cpu: 'CPU (request = limit)',
    memory: 'Memory (request = limit)',
    resourcesHint:
      'CCI requires limits to equal requests, so one value sets both; the pod is billed for it.',
    port: 'Container port',
    portHint: 'Optional; TCP.',
    eipTitle: 'Public IP (EIP)',
    eipMode: {
      none: 'None',
      pool: 'From an EIP pool',
      withPod: 'Created with the pod',
      existing: 'Existing EIP',
    },
    eipPool: 'EIP pool',
    eipPoolHint:
      'Each pod takes one EIP of the pool (yangtse.io/eip-pool); a pool serves only its own namespace.',
    noPools: 'This namespace has no EIP pool yet.',
    withPodHint: 'yangtse.io/pod-with-eip creates one EIP per pod; it is deleted with the pod.',
    sharedBandwidth: 'Use a shared bandwidth',
    bandwidthSize: 'Bandwidth (Mbit/s)',
    bandwidthSizeHint: '1-200, default 5.',
    networkType: 'Line (network type)',
    chargeMode: 'Billed by',
    chargeModes: { bandwidth: 'Bandwidth', traffic: 'Traffic' },
    bandwidthName: 'Bandwidth name',
    bandwidthNameHint: "Optional; defaults to the EIP's name.",
    bandwidthId: 'Shared bandwidth ID',
    bandwidthIdHint: 'With a shared bandwidth its ID is all CCI takes.',
    eipId: 'EIP ID',
    eipIdHint:
      'The ID shown on the EIP console; an EIP of an EIP pool cannot be bound this way. One EIP binds one pod, so use 1 replica.',
    priorityNote:
      'A pod binds at most one EIP. When several EIP annotations are present, eip-id wins over pod-with-eip, which wins over eip-pool; this form sends only the one you choose.',
    creationOnlyNote:
      'EIP annotations only count when a pod is created. Changing them later does nothing to running pods; they take effect for pods created afterwards.',
    waitForEip: 'Wait for the EIP before the app starts',
    waitForEipHint:
      "Adds the guide's init container (busybox) that reads yangtse.io/allocated-ipv4-eip through a downwardAPI volume until the address is there (at most 60 s). Environment variables cannot carry the EIP.",
    snapshotTitle: 'Image snapshot',
    snapshotMode: { none: 'None', auto: 'Auto-match', specified: 'A specified snapshot' },
    autoHint:
      'cci.io/image-snapshot-auto-match: "true" picks the snapshot with the best image overlap, then the newest.',
    snapshotName: 'Snapshot',
    snapshotNameHint: 'cci.io/image-snapshot-specified-name; the snapshot must be Available.',
    snapshotPhase: '{{name}} ({{phase}})',
    autoMatchToo: 'Also turn on auto-match',
    autoMatchTooHint:
      'A specified snapshot is sent with auto-match "false"; turning both on is a conflict CCI rejects with 400.',
    manifest: 'Deployment to create',
    createSubmit: 'Create',
    capacity:
      'Pool {{pool}} holds {{size}} EIPs but its Deployments need {{needed}} during a rolling update (replicas {{replicas}} + surge {{surge}}). Scale the pool or use maxSurge: 0.',
    refused: 'CCI refused the Deployment; nothing was created.',
    problem: {
      name: {
        required: 'Enter a name.',
        tooLong: 'At most 63 characters.',
        dns1123:
          '"{{name}}" is not valid: use lower-case letters, digits and "-", starting and ending with a letter or digit.',
        taken: 'A Deployment "{{name}}" already exists in this namespace.',
      },
      image: 'K8s: enter the container image, e.g. nginx:alpine (no spaces).',
      replicas: 'K8s: replicas must be a whole number of 0 or more.',
      port: 'K8s: the container port is a whole number from 1 to 65535 (or leave it empty).',
    },
  },
};
