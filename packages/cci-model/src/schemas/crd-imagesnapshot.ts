/**
 * ImageSnapshot (imagecache.cci.io/v1, cluster-scoped): an EVS disk snapshot with images
 * pre-pulled, so pods start without downloading them. Seed chapter 9, rules S1-S4.
 */
import type { GroupVersionKind, OpenApiSchema } from './openapi-schema.ts';
import { definitionRef } from './openapi-schema.ts';
import {
  listDefinition,
  objectMetaName,
  refTo,
  typeMetaProperties,
} from './crd-building-blocks.ts';

const prefix = 'io.cci.imagecache.v1.';
const imageSnapshotName = `${prefix}ImageSnapshot`;
const gvk: GroupVersionKind = { group: 'imagecache.cci.io', version: 'v1', kind: 'ImageSnapshot' };

const imageSnapshotPhases = ['Creating', 'Available', 'Unavailable', 'Deleting'] as const;

const imageField: OpenApiSchema = {
  description: 'Image reference, e.g. nginx:latest or serverA.com/team/redis.',
  type: 'string',
};

export const imageSnapshotDefinitions: Record<string, OpenApiSchema> = {
  [imageSnapshotName]: {
    description:
      'ImageSnapshot caches container images on an EVS disk snapshot so pods using them ' +
      'start without pulling. Pods pick one with the annotation ' +
      'cci.io/image-snapshot-auto-match: "true" or cci.io/image-snapshot-specified-name. ' +
      'The API supports no watch and no label or field selectors (delete with --wait=false).',
    type: 'object',
    properties: {
      ...typeMetaProperties(gvk),
      metadata: refTo(
        objectMetaName,
        'Standard object metadata. ImageSnapshots are cluster-scoped: no namespace.',
      ),
      spec: refTo(`${prefix}ImageSnapshotSpec`, 'The images to cache and how to build the disk.'),
      status: refTo(`${prefix}ImageSnapshotStatus`, 'Progress and result of the build.'),
    },
    'x-kubernetes-group-version-kind': [gvk],
  },
  [`${prefix}ImageSnapshotList`]: listDefinition(imageSnapshotName, gvk),
  [`${prefix}ImageSnapshotSpec`]: {
    description: 'ImageSnapshotSpec lists the images to cache and the disk to cache them on.',
    type: 'object',
    required: ['images', 'buildingConfig'],
    properties: {
      images: {
        description: 'Images to pull into the snapshot.',
        type: 'array',
        minItems: 1,
        items: { $ref: definitionRef(`${prefix}ImageSnapshotImage`) },
      },
      registries: {
        description: 'Credentials and connection options for private registries.',
        type: 'array',
        items: { $ref: definitionRef(`${prefix}ImageRegistry`) },
      },
      buildingConfig: refTo(`${prefix}BuildingConfig`, 'Where the snapshot is built.'),
      evsInfo: refTo(`${prefix}EVSInfo`, 'The EVS disk the snapshot is taken of.'),
      ttlDaysAfterCreated: {
        description:
          'Days to keep the snapshot after creation; 0 (default) keeps it forever. An expired ' +
          'snapshot still counts against the quota until deleted.',
        type: 'integer',
        format: 'int32',
        minimum: 0,
        default: 0,
      },
    },
  },
  [`${prefix}ImageSnapshotImage`]: {
    description: 'ImageSnapshotImage is one image to cache.',
    type: 'object',
    required: ['image'],
    properties: { image: imageField },
  },
  [`${prefix}ImageRegistry`]: {
    description: 'ImageRegistry tells the builder how to pull from one registry.',
    type: 'object',
    required: ['server'],
    properties: {
      server: {
        description: 'Registry address without http:// or https://, e.g. serverA.com.',
        type: 'string',
        pattern: '^(?![A-Za-z][A-Za-z0-9+.-]*://).+$',
      },
      username: { description: 'Registry user name.', type: 'string' },
      password: {
        description: 'Registry password. A credential: never shown in clear text.',
        type: 'string',
      },
      plainHTTP: {
        description: 'Set true for a self-hosted registry served over plain HTTP.',
        type: 'boolean',
        default: false,
      },
      insecureSkipVerify: {
        description: 'Set true to skip TLS verification for a self-signed registry certificate.',
        type: 'boolean',
        default: false,
      },
    },
  },
  [`${prefix}BuildingConfig`]: {
    description: 'BuildingConfig says where CCI runs the instance that builds the snapshot.',
    type: 'object',
    required: ['namespace'],
    properties: {
      namespace: {
        description: 'A namespace of yours; the build instance is created there.',
        type: 'string',
      },
    },
  },
  [`${prefix}EVSInfo`]: {
    description: 'EVSInfo configures the EVS disk the snapshot is made of.',
    type: 'object',
    properties: {
      volumeType: { description: 'EVS disk type; default ssd.', type: 'string', default: 'ssd' },
      volumeSizeGiB: {
        description: 'Disk size in GiB; default 20.',
        type: 'integer',
        format: 'int32',
        minimum: 1,
        default: 20,
      },
      filesystemType: {
        description: 'File system of the disk; only ext4.',
        type: 'string',
        enum: ['ext4'],
        default: 'ext4',
      },
    },
  },
  [`${prefix}ImageSnapshotStatus`]: {
    description: 'ImageSnapshotStatus reports the build and the resulting EVS snapshot.',
    type: 'object',
    properties: {
      snapshotID: { description: 'ID of the EVS disk snapshot.', type: 'string' },
      snapshotName: {
        description: 'Name of the EVS disk snapshot: cci-imagesnapshot-<name>.',
        type: 'string',
      },
      phase: {
        description:
          'Creating, Available (usable by pods), Unavailable (e.g. the build failed) or Deleting.',
        type: 'string',
        enum: [...imageSnapshotPhases],
      },
      reason: {
        description: 'Why the snapshot is in this phase, e.g. CreateEVSSnapshotFailed.',
        type: 'string',
      },
      message: { description: 'Human-readable detail of the reason.', type: 'string' },
      images: {
        description: 'Images cached in the snapshot.',
        type: 'array',
        items: { $ref: definitionRef(`${prefix}PulledImage`) },
      },
    },
  },
  [`${prefix}PulledImage`]: {
    description: 'PulledImage is one image cached in the snapshot.',
    type: 'object',
    properties: { image: imageField },
  },
};
