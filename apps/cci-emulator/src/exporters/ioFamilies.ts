import {
  c,
  cgroups,
  fs,
  g,
  gpus,
  podNetwork,
  ROOT_DEVICE,
  type FamilyDef,
} from './familyHelpers.ts';
import { FS_INODES_TOTAL, FS_LIMIT_BYTES } from './usageModel.ts';

/** Filesystem, disk I/O, network and GPU families (seed table 10-1). */
export const ioFamilies: FamilyDef[] = [
  // Filesystem and disk I/O
  g(
    'container_fs_inodes_free',
    'Number of free inodes on the filesystem.',
    fs((x) => x.usage.fs.inodesFree),
  ),
  g(
    'container_fs_inodes_total',
    'Number of inodes on the filesystem.',
    fs(() => FS_INODES_TOTAL),
  ),
  g(
    'container_fs_io_current',
    'Number of I/O operations currently in progress.',
    fs((x) => x.usage.fs.ioCurrent),
  ),
  c(
    'container_fs_io_time_seconds_total',
    'Cumulative seconds spent doing I/O.',
    fs((x) => x.usage.fs.ioTimeS),
  ),
  c(
    'container_fs_io_time_weighted_seconds_total',
    'Cumulative weighted I/O time, in seconds.',
    fs((x) => x.usage.fs.ioWeightedS),
  ),
  g(
    'container_fs_limit_bytes',
    'Bytes the container may use on the filesystem.',
    fs(() => FS_LIMIT_BYTES),
  ),
  g(
    'container_fs_usage_bytes',
    'Bytes the container uses on the filesystem.',
    fs((x) => x.usage.fs.usage),
  ),
  c(
    'container_fs_reads_bytes_total',
    'Cumulative bytes read.',
    fs((x) => x.usage.fs.readBytes),
  ),
  c(
    'container_fs_read_seconds_total',
    'Cumulative seconds spent reading.',
    fs((x) => x.usage.fs.readS),
  ),
  c(
    'container_fs_reads_merged_total',
    'Cumulative count of merged reads.',
    fs((x) => x.usage.fs.readsMerged),
  ),
  c(
    'container_fs_reads_total',
    'Cumulative count of completed reads.',
    fs((x) => x.usage.fs.reads),
  ),
  c(
    'container_fs_sector_reads_total',
    'Cumulative count of sectors read.',
    fs((x) => Math.floor(x.usage.fs.readBytes / 512)),
  ),
  c(
    'container_fs_sector_writes_total',
    'Cumulative count of sectors written.',
    fs((x) => Math.floor(x.usage.fs.writeBytes / 512)),
  ),
  c(
    'container_fs_writes_bytes_total',
    'Cumulative bytes written.',
    fs((x) => x.usage.fs.writeBytes),
  ),
  c(
    'container_fs_write_seconds_total',
    'Cumulative seconds spent writing.',
    fs((x) => x.usage.fs.writeS),
  ),
  c(
    'container_fs_writes_merged_total',
    'Cumulative count of merged writes.',
    fs((x) => x.usage.fs.writesMerged),
  ),
  c(
    'container_fs_writes_total',
    'Cumulative count of completed writes.',
    fs((x) => x.usage.fs.writes),
  ),
  c(
    'container_blkio_device_usage_total',
    'Bytes transferred to and from the block device, by operation.',
    (v) => [
      ...cgroups((x) => x.blkio.readBytes, { ...ROOT_DEVICE, operation: 'Read' })(v),
      ...cgroups((x) => x.blkio.writeBytes, { ...ROOT_DEVICE, operation: 'Write' })(v),
    ],
  ),
  // Network
  c(
    'container_network_receive_bytes_total',
    'Cumulative bytes received.',
    podNetwork((v) => v.network.rxBytes),
  ),
  c(
    'container_network_receive_errors_total',
    'Cumulative count of errors while receiving.',
    podNetwork(() => 0),
  ),
  c(
    'container_network_receive_packets_dropped_total',
    'Cumulative count of packets dropped while receiving.',
    podNetwork((v) => v.network.rxDropped),
  ),
  c(
    'container_network_receive_packets_total',
    'Cumulative count of packets received.',
    podNetwork((v) => v.network.rxPackets),
  ),
  c(
    'container_network_transmit_bytes_total',
    'Cumulative bytes transmitted.',
    podNetwork((v) => v.network.txBytes),
  ),
  c(
    'container_network_transmit_errors_total',
    'Cumulative count of errors while transmitting.',
    podNetwork(() => 0),
  ),
  c(
    'container_network_transmit_packets_dropped_total',
    'Cumulative count of packets dropped while transmitting.',
    podNetwork((v) => v.network.txDropped),
  ),
  c(
    'container_network_transmit_packets_total',
    'Cumulative count of packets transmitted.',
    podNetwork((v) => v.network.txPackets),
  ),
  // GPU accelerators (only containers with nvidia.com/gpu-* resources)
  g(
    'container_accelerator_duty_cycle',
    'Percentage of time over the past sample period the accelerator was busy.',
    gpus((x) => x.dutyCycle),
  ),
  g(
    'container_accelerator_memory_total_bytes',
    'Total accelerator memory, in bytes.',
    gpus((_x, ctr) => ctr.facts.gpu?.memoryBytes ?? 0),
  ),
  g(
    'container_accelerator_memory_used_bytes',
    'Accelerator memory in use, in bytes.',
    gpus((x) => x.used),
  ),
];
