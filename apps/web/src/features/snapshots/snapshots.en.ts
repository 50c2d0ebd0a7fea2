/** Strings of the image snapshot overview and create form (S1-S6). English; loaded with the screens that use it (i18n/catalogs.ts). */
export const en = {
  snapshots: {
    create: 'Create snapshot',
    overview: 'Snapshot overview',
    overviewTitle: 'Image snapshots',
    pollNote:
      'CCI offers no watch for snapshots (S4): the console polls them and updates this page by itself.',
    none: 'No image snapshots yet.',
    createTitle: 'Create an image snapshot',
    name: 'Name',
    nameProblem: {
      required: 'Enter a name.',
      tooLong: 'At most 63 characters.',
      dns1123:
        '"{{name}}" is not valid: use lower-case letters, digits and "-", starting and ending with a letter or digit.',
      taken: 'A snapshot "{{name}}" already exists.',
    },
    images: 'Images',
    image: 'Image {{index}}',
    remove: 'Remove',
    addImage: 'Add image',
    registries: 'Registries (optional)',
    registriesHint:
      'Private registries need a user and password. The password is sent once and never shown again.',
    server: 'Server',
    serverHint: 'Host without http:// or https://, e.g. swr.cn-north-4.myhuaweicloud.com',
    username: 'User',
    password: 'Password',
    plainHTTP: 'Plain HTTP (plainHTTP)',
    insecureSkipVerify: 'Skip certificate verification (insecureSkipVerify)',
    addRegistry: 'Add registry',
    buildingNamespace: 'Building namespace',
    buildingNamespaceHint:
      'The snapshot is built by an instance in this namespace (buildingConfig.namespace).',
    volumeType: 'EVS volume type',
    volumeSize: 'Volume size (GiB)',
    filesystem: 'Filesystem',
    filesystemHint: 'ext4 is the only filesystem.',
    ttl: 'Expires after (days)',
    ttlHint: '0 = never expires. Expired snapshots count against the quota until deleted (S5).',
    manifest: 'Manifest to send (password masked)',
    createSubmit: 'Create snapshot',
    neverExpires: 'never expires',
    expiredAt: 'expired on {{date}}',
    expiresIn: 'expires in {{age}}',
    expiredBadge: 'expired',
    expiredNote:
      'Expired but kept: it still counts against the snapshot quota until you delete it (S5).',
    summary: '{{size}} GiB {{type}} · age {{age}} · {{expiry}}',
    delete: 'Delete',
    deleteTitle: 'Delete snapshot {{name}}',
    deleteText:
      'Delete image snapshot {{name}}? Pods that name it (cci.io/image-snapshot-specified-name) can no longer use it.',
  },
};
