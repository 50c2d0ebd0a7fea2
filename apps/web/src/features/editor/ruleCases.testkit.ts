/**
 * One small manifest per CCI rule a document alone can break (cci-rules.md), for the
 * diagnostics tests: each must produce a diagnostic naming its rule.
 */
const container = (extra = '') => `
    - name: container-0
      image: nginx:alpine
      resources:
        limits: { cpu: 500m, memory: 1Gi }
        requests: { cpu: 500m, memory: 1Gi }${extra}`;

export const pod = (annotations = '', spec = '', containerExtra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
  annotations:
    placeholder: "x"${annotations}
spec:
  containers:${container(containerExtra)}
  imagePullSecrets:
    - name: imagepull-secret${spec}
`;

const loggingConfigMap = (conf: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: cci-logging-conf
  labels:
    logconf.k8s.io/discovery: "true"
data:
  output.conf: |
${conf
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
`;

export const ruleCases: Record<string, string> = {
  P1: pod().replace('requests: { cpu: 500m', 'requests: { cpu: 250m'),
  P2: pod().replace('name: imagepull-secret', 'name: default-secret'),
  P3: pod('\n    cri.cci.io/gpu-driver: gpu-999'),
  P8: pod(),
  P10: pod(
    '',
    '',
    '\n      livenessProbe:\n        httpGet: { path: /, port: 80 }\n        timeoutSeconds: 2',
  ),
  N1: `apiVersion: v1
kind: Namespace
metadata:
  name: demo
  annotations:
    namespace.kubernetes.io/flavor: huge-computing
`,
  N5: `apiVersion: networking.cci.io/v1beta1
kind: Network
metadata:
  name: demo-network
spec:
  cidr: 192.168.0.0/24
  networkType: vxlan
`,
  N6: `apiVersion: networking.cci.io/v1beta1
kind: Network
metadata:
  name: demo-network
spec:
  cidr: 10.247.0.0/16
  networkType: underlay_neutron
`,
  E2: `apiVersion: crd.yangtse.cni/v1
kind: EIPPool
metadata:
  name: pool
spec:
  amount: 600
  eipAttributes:
    networkType: 5_bgp
    bandwidth: { shareType: PER, name: bw, size: 5 }
`,
  E3: `apiVersion: crd.yangtse.cni/v1
kind: EIPPool
metadata:
  name: pool
spec:
  eips:
    - not-an-address
`,
  EIP1: pod('\n    yangtse.io/pod-with-eip: "true"\n    yangtse.io/eip-network-type: 5_g-vm'),
  EIP2: pod('\n    yangtse.io/eip-id: ""'),
  EIP3: pod('\n    yangtse.io/eip-id: eip-1\n    yangtse.io/eip-pool: pool'),
  EIP5: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
      annotations:
        yangtse.io/eip-id: eip-1
    spec:
      containers:${container().replaceAll('\n', '\n    ')}
      imagePullSecrets:
        - name: imagepull-secret
`,
  S1: `apiVersion: imagecache.cci.io/v1
kind: ImageSnapshot
metadata:
  name: snap
spec:
  buildingConfig:
    namespace: demo
`,
  S3: pod('\n    cci.io/image-snapshot-auto-match: "yes"'),
  M1: pod('\n    monitoring.cci.io/metrics-port: "70000"'),
  M2: pod('\n    monitoring.cci.io/metrics-tls-cert-reference: no-volume'),
  LG1: loggingConfigMap('[OUTPUT]\n    Name http\n    Brokers 192.168.1.3:9092'),
  LG2: pod('\n    logpath.k8s.io/container-0: relative.log'),
  LG3: loggingConfigMap(
    '[OUTPUT]\n    Name kafka\n    Brokers 192.168.1.3:9092\n    rdkafka.ssl.key.location ${sandbox_volume_tls}/client.key',
  ),
  SV1: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: { app: web }
  ports:
    - port: 80
`,
  SV2: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: { app: web }
  ports:
    - port: 80
`,
  IG1: `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            backend: { serviceName: web, servicePort: 80 }
`,
  PV1: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: sfs
  accessModes: [ReadWriteMany]
  resources:
    requests: { storage: 10Gi }
`,
  PV2: pod(
    '',
    '\n  volumes:\n    - name: data\n      persistentVolumeClaim: { claimName: data }',
    '\n      volumeMounts:\n        - name: data\n          mountPath: /data\n          subPath: /abs',
  ),
  C2: `apiVersion: v1
kind: Secret
metadata:
  name: s
data:
  password: not base64!
`,
  J1: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Always
      containers:${container().replaceAll('\n', '\n    ')}
      imagePullSecrets:
        - name: imagepull-secret
`,
  J3: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: every minute
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:${container().replaceAll('\n', '\n        ')}
          imagePullSecrets:
            - name: imagepull-secret
`,
  Y1: pod().replace('  name: demo', '\tname: demo'),
};
