/**
 * A generated node-exporter scrape (default collectors on a 16-CPU host), for tests and the
 * benchmark: many families with few, mostly distinct and short label sets (cpu/mode, device,
 * mountpoint, collector) and many unlabelled gauges. Deterministic for a given seed.
 * Not part of the package API.
 */
import {
  counterValue,
  renderFamily,
  seeded,
  type Labels,
  type SampleRow,
} from './exposition.testkit.ts';

const CPUS = 16;
const CPU_MODES = ['idle', 'iowait', 'irq', 'nice', 'softirq', 'steal', 'system', 'user'];
const DISKS = ['dm-0', 'nvme0n1', 'sda', 'sdb'];
const NICS = ['docker0', 'eth0', 'lo', 'veth1a2b3c4'];
const MOUNTS: Labels[] = [
  { device: '/dev/nvme0n1p2', fstype: 'ext4', mountpoint: '/' },
  { device: '/dev/nvme0n1p1', fstype: 'vfat', mountpoint: '/boot/efi' },
  { device: '/dev/sda1', fstype: 'xfs', mountpoint: '/var/lib/docker' },
  { device: '/dev/sdb1', fstype: 'xfs', mountpoint: '/data' },
  { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run' },
  { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run/lock' },
  { device: 'tmpfs', fstype: 'tmpfs', mountpoint: '/run/user/1000' },
  { device: 'overlay', fstype: 'overlay', mountpoint: '/var/lib/docker/overlay2/3f2a/merged' },
];
const COLLECTORS = [
  'arp', 'bcache', 'bonding', 'btrfs', 'conntrack', 'cpu', 'cpufreq', 'diskstats', 'dmi', 'edac',
  'entropy', 'fibrechannel', 'filefd', 'filesystem', 'hwmon', 'infiniband', 'ipvs', 'loadavg',
  'mdadm', 'meminfo', 'netclass', 'netdev', 'netstat', 'nfs', 'nfsd', 'nvme', 'os', 'powersupplyclass',
  'pressure', 'rapl', 'schedstat', 'selinux', 'sockstat', 'softnet', 'stat', 'tapestats',
  'textfile', 'thermal_zone', 'time', 'timex', 'udp_queues', 'uname', 'vmstat', 'xfs', 'zfs',
]; // prettier-ignore
const DISK_COUNTERS = [
  'discard_time_seconds_total', 'discarded_sectors_total', 'discards_completed_total',
  'discards_merged_total', 'flush_requests_time_seconds_total', 'flush_requests_total',
  'io_time_seconds_total', 'io_time_weighted_seconds_total', 'read_bytes_total',
  'read_time_seconds_total', 'reads_completed_total', 'reads_merged_total',
  'write_time_seconds_total', 'writes_completed_total', 'writes_merged_total', 'written_bytes_total',
]; // prettier-ignore
const NIC_COUNTERS = [
  'receive_bytes_total', 'receive_compressed_total', 'receive_drop_total', 'receive_errs_total',
  'receive_fifo_total', 'receive_frame_total', 'receive_multicast_total', 'receive_packets_total',
  'transmit_bytes_total', 'transmit_carrier_total', 'transmit_colls_total',
  'transmit_compressed_total', 'transmit_drop_total', 'transmit_errs_total', 'transmit_fifo_total',
  'transmit_packets_total',
]; // prettier-ignore
const NIC_GAUGES = [
  'address_assign_type', 'carrier', 'carrier_changes_total', 'device_id', 'dormant', 'flags',
  'iface_id', 'iface_link', 'iface_link_mode', 'mtu_bytes', 'name_assign_type', 'net_dev_group',
  'protocol_type', 'speed_bytes', 'transmit_queue_length', 'up',
]; // prettier-ignore
const FS_GAUGES = [
  'avail_bytes',
  'device_error',
  'files',
  'files_free',
  'free_bytes',
  'readonly',
  'size_bytes',
];
/** Unlabelled families of the memory, netstat, vmstat, sockstat, timex and Go runtime collectors. */
const PLAIN_GAUGES = [
  ...'Active Active_anon Active_file AnonHugePages AnonPages Bounce Buffers Cached CommitLimit Committed_AS DirectMap1G DirectMap2M DirectMap4k Dirty HardwareCorrupted HugePages_Free HugePages_Rsvd HugePages_Surp HugePages_Total Hugepagesize Inactive Inactive_anon Inactive_file KReclaimable KernelStack Mapped MemAvailable MemFree MemTotal Mlocked NFS_Unstable PageTables Percpu SReclaimable SUnreclaim Shmem ShmemHugePages ShmemPmdMapped Slab SwapCached SwapFree SwapTotal Unevictable VmallocChunk VmallocTotal VmallocUsed Writeback WritebackTmp'
    .split(' ')
    .map((m) => `node_memory_${m}_bytes`),
  ...'Icmp6_InErrors Icmp6_InMsgs Icmp6_OutMsgs Icmp_InErrors Icmp_InMsgs Icmp_OutMsgs Ip6_InOctets Ip6_OutOctets IpExt_InOctets IpExt_OutOctets Ip_Forwarding TcpExt_ListenDrops TcpExt_ListenOverflows TcpExt_SyncookiesFailed TcpExt_SyncookiesRecv TcpExt_SyncookiesSent TcpExt_TCPSynRetrans TcpExt_TCPTimeouts Tcp_ActiveOpens Tcp_CurrEstab Tcp_InErrs Tcp_InSegs Tcp_OutRsts Tcp_OutSegs Tcp_PassiveOpens Tcp_RetransSegs Udp6_InDatagrams Udp6_InErrors Udp6_NoPorts Udp6_OutDatagrams Udp_InDatagrams Udp_InErrors Udp_NoPorts Udp_OutDatagrams'
    .split(' ')
    .map((m) => `node_netstat_${m}`),
  ...'oom_kill pgfault pgmajfault pgpgin pgpgout pswpin pswpout'
    .split(' ')
    .map((m) => `node_vmstat_${m}`),
  ...'FRAG6_inuse FRAG_inuse RAW6_inuse RAW_inuse TCP6_inuse TCP_alloc TCP_inuse TCP_mem TCP_mem_bytes TCP_orphan TCP_tw UDP6_inuse UDPLITE_inuse UDP_inuse UDP_mem UDP_mem_bytes sockets_used'
    .split(' ')
    .map((m) => `node_sockstat_${m}`),
  ...'estimated_error_seconds frequency_adjustment_ratio loop_time_constant maxerror_seconds offset_seconds pps_calibration_total pps_error_total pps_frequency_hertz pps_jitter_seconds pps_jitter_total pps_shift_seconds pps_stability_exceeded_total pps_stability_hertz status sync_status tai_offset_seconds tick_seconds'
    .split(' ')
    .map((m) => `node_timex_${m}`),
  ...'alloc_bytes alloc_bytes_total buck_hash_sys_bytes frees_total gc_sys_bytes heap_alloc_bytes heap_idle_bytes heap_inuse_bytes heap_objects heap_released_bytes heap_sys_bytes last_gc_time_seconds lookups_total mallocs_total mcache_inuse_bytes mcache_sys_bytes mspan_inuse_bytes mspan_sys_bytes next_gc_bytes other_sys_bytes stack_inuse_bytes stack_sys_bytes sys_bytes'
    .split(' ')
    .map((m) => `go_memstats_${m}`),
  ...'boot_time_seconds context_switches_total entropy_available_bits filefd_allocated filefd_maximum forks_total intr_total load1 load15 load5 nf_conntrack_entries nf_conntrack_entries_limit procs_blocked procs_running textfile_scrape_error time_seconds'
    .split(' ')
    .map((m) => `node_${m}`),
  ...'cpu_seconds_total max_fds open_fds resident_memory_bytes start_time_seconds virtual_memory_bytes virtual_memory_max_bytes'
    .split(' ')
    .map((m) => `process_${m}`),
  'go_goroutines',
  'go_threads',
];

/** One node-exporter scrape: about 1,100 samples in 110 KB. */
export function renderNodeExporter(seed = 1): string {
  const random = seeded(seed);
  const value = (scale: number) => counterValue(random, scale);
  const rows = (labelSets: Labels[], scale: number): SampleRow[] =>
    labelSets.map((labels) => ['', labels, value(scale)]);
  const cpus = Array.from({ length: CPUS }, (_, cpu) => String(cpu));
  let out = renderFamily('go_gc_duration_seconds', 'A summary of the pause duration of garbage collection cycles.', 'summary', [
    ...['0', '0.25', '0.5', '0.75', '1'].map((q, i): SampleRow => ['', { quantile: q }, (i + 1) * 2.4041e-5]),
    ['_sum', {}, 0.0612],
    ['_count', {}, 1234],
  ]); // prettier-ignore
  out += renderFamily('go_info', 'Information about the Go environment.', 'gauge', [
    ['', { version: 'go1.21.4' }, 1],
  ]);
  const cpuModes = cpus.flatMap((cpu) => CPU_MODES.map((mode) => ({ cpu, mode })));
  out += renderFamily(
    'node_cpu_seconds_total',
    'Seconds the CPUs spent in each mode.',
    'counter',
    rows(cpuModes, 5e6),
  );
  const guest = cpus.flatMap((cpu) => ['nice', 'user'].map((mode) => ({ cpu, mode })));
  out += renderFamily('node_cpu_guest_seconds_total', 'Seconds the CPUs spent in guests (VMs) for each mode.', 'counter', rows(guest, 10)); // prettier-ignore
  for (const family of ['running_seconds_total', 'timeslices_total', 'waiting_seconds_total'])
    out += renderFamily(`node_schedstat_${family}`, `Schedstat ${family}.`, 'counter', rows(cpus.map((cpu) => ({ cpu })), 1e7)); // prettier-ignore
  for (const family of ['dropped_total', 'processed_total', 'times_squeezed_total'])
    out += renderFamily(`node_softnet_${family}`, `Softnet ${family}.`, 'counter', rows(cpus.map((cpu) => ({ cpu })), 1e8)); // prettier-ignore
  for (const family of DISK_COUNTERS)
    out += renderFamily(`node_disk_${family}`, `Disk ${family}.`, 'counter', rows(DISKS.map((device) => ({ device })), 1e9)); // prettier-ignore
  out += renderFamily('node_disk_io_now', 'The number of I/Os currently in progress.', 'gauge', rows(DISKS.map((device) => ({ device })), 4)); // prettier-ignore
  for (const family of FS_GAUGES)
    out += renderFamily(`node_filesystem_${family}`, `Filesystem ${family}.`, 'gauge', rows(MOUNTS, 5e11)); // prettier-ignore
  for (const family of NIC_COUNTERS)
    out += renderFamily(`node_network_${family}`, `Network device statistic ${family}.`, 'counter', rows(NICS.map((device) => ({ device })), 1e10)); // prettier-ignore
  for (const family of NIC_GAUGES)
    out += renderFamily(`node_network_${family}`, `Network device property ${family}.`, 'gauge', rows(NICS.map((device) => ({ device })), 1500)); // prettier-ignore
  out += renderFamily('node_network_info', 'Non-numeric data from /sys/class/net/<iface>.', 'gauge', NICS.map((device, i): SampleRow => ['', { address: `02:42:ac:11:00:0${i}`, broadcast: 'ff:ff:ff:ff:ff:ff', device, duplex: i === 1 ? 'full' : '', ifalias: '', operstate: i === 2 ? 'unknown' : 'up' }, 1])); // prettier-ignore
  out += renderFamily('node_arp_entries', 'ARP entries by device', 'gauge', rows(['docker0', 'eth0'].map((device) => ({ device })), 20)); // prettier-ignore
  out += renderFamily('node_hwmon_temp_celsius', 'Hardware monitor for temperature (input)', 'gauge', ['Core 0', 'Core 1', 'Core 2', 'Core 3', 'Package id 0'].map((sensor): SampleRow => ['', { chip: 'platform_coretemp_0', sensor }, 40 + random() * 20])); // prettier-ignore
  for (const family of ['duration_seconds', 'success'])
    out += renderFamily(`node_scrape_collector_${family}`, `node_exporter: collector ${family}.`, 'gauge', COLLECTORS.map((collector): SampleRow => ['', { collector }, family === 'success' ? 1 : random() * 0.01])); // prettier-ignore
  out += renderFamily('node_uname_info', 'Labeled system information as provided by the uname system call.', 'gauge', [['', { domainname: '(none)', machine: 'x86_64', nodename: 'worker-3', release: '6.1.0-13-amd64', sysname: 'Linux', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)' }, 1]]); // prettier-ignore
  for (const name of PLAIN_GAUGES)
    out += renderFamily(name, `${name.replace(/_/g, ' ')}.`, name.endsWith('_total') ? 'counter' : 'gauge', [['', {}, value(1e10)]]); // prettier-ignore
  out += renderFamily('promhttp_metric_handler_requests_total', 'Total number of scrapes by HTTP status code.', 'counter', ['200', '500', '503'].map((code, i): SampleRow => ['', { code }, i === 0 ? 98765 : 0])); // prettier-ignore
  return out;
}
