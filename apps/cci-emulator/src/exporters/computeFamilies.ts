import { c, cgroups, containersOnly, g, type FamilyDef } from './familyHelpers.ts';
import { CPU_PERIOD_US, OPEN_FILES_SOFT_LIMIT } from './usageModel.ts';

/** CPU, memory, processes and spec families (seed table 10-1), for every cgroup. */
export const computeFamilies: FamilyDef[] = [
  // CPU
  g(
    'container_cpu_load_average_10s',
    'Container CPU load average over the last 10 seconds (0 without a load reader, as cAdvisor).',
    cgroups(() => 0),
  ),
  c(
    'container_cpu_usage_seconds_total',
    'Cumulative CPU time consumed by the container on all cores, in seconds.',
    cgroups((x) => x.cpu.usageS, { cpu: 'total' }),
  ),
  c(
    'container_cpu_user_seconds_total',
    'Cumulative user-mode CPU time consumed, in seconds.',
    cgroups((x) => x.cpu.userS),
  ),
  c(
    'container_cpu_system_seconds_total',
    'Cumulative kernel-mode CPU time consumed, in seconds.',
    cgroups((x) => x.cpu.systemS),
  ),
  c(
    'container_cpu_cfs_periods_total',
    'Number of elapsed CFS enforcement periods.',
    cgroups((x) => x.cpu.periods),
  ),
  c(
    'container_cpu_cfs_throttled_periods_total',
    'Number of CFS periods in which the container was throttled.',
    cgroups((x) => x.cpu.throttledPeriods),
  ),
  c(
    'container_cpu_cfs_throttled_seconds_total',
    'Total time the container was throttled, in seconds.',
    cgroups((x) => x.cpu.throttledS),
  ),
  // Memory
  g(
    'container_memory_cache',
    'Page cache memory, in bytes.',
    cgroups((x) => x.memory.cache),
  ),
  c(
    'container_memory_failcnt',
    'Number of times memory usage hit the limit.',
    cgroups(() => 0),
  ),
  c('container_memory_failures_total', 'Cumulative count of memory allocation failures.', (v) =>
    (['container', 'hierarchy'] as const).flatMap((scope) => [
      ...cgroups((x) => x.memory.pgfault, { failure_type: 'pgfault', scope })(v),
      ...cgroups((x) => x.memory.pgmajfault, { failure_type: 'pgmajfault', scope })(v),
    ]),
  ),
  g(
    'container_memory_mapped_file',
    'Size of memory-mapped files, in bytes.',
    cgroups((x) => x.memory.mappedFile),
  ),
  g(
    'container_memory_max_usage_bytes',
    'Highest memory usage recorded, in bytes.',
    cgroups((x) => x.memory.maxUsage),
  ),
  g(
    'container_memory_rss',
    'Resident set size, in bytes.',
    cgroups((x) => x.memory.rss),
  ),
  g(
    'container_memory_swap',
    'Swap usage, in bytes.',
    cgroups(() => 0),
  ),
  g(
    'container_memory_usage_bytes',
    'Current memory usage including cache, in bytes.',
    cgroups((x) => x.memory.usage),
  ),
  g(
    'container_memory_working_set_bytes',
    'Current working set, in bytes.',
    cgroups((x) => x.memory.workingSet),
  ),
  // Processes and spec
  g(
    'container_processes',
    'Number of processes running in the container.',
    cgroups((x) => x.tasks.processes),
  ),
  g(
    'container_sockets',
    'Number of open sockets of the container.',
    cgroups((x) => x.tasks.sockets),
  ),
  g(
    'container_file_descriptors',
    'Number of open file descriptors of the container.',
    cgroups((x) => x.tasks.fds),
  ),
  g(
    'container_threads',
    'Number of threads running in the container.',
    cgroups((x) => x.tasks.threads),
  ),
  g(
    'container_threads_max',
    'Maximum number of threads allowed in the container (0: unlimited).',
    cgroups(() => 0),
  ),
  g(
    'container_ulimits_soft',
    "Soft ulimits of the container's first process (-1: unlimited, except priority and nice).",
    containersOnly(() => OPEN_FILES_SOFT_LIMIT, { ulimit: 'max_open_files' }),
  ),
  g(
    'container_spec_cpu_period',
    'CPU CFS period of the container, in microseconds.',
    cgroups(() => CPU_PERIOD_US),
    true,
  ),
  g(
    'container_spec_cpu_quota',
    'CPU CFS quota of the container, in microseconds per period.',
    cgroups((x) => x.spec.cpuQuotaUs),
    true,
  ),
  g(
    'container_spec_cpu_shares',
    'CPU shares of the container.',
    cgroups((x) => x.spec.cpuShares),
    true,
  ),
  g(
    'container_spec_memory_limit_bytes',
    'Memory limit of the container, in bytes.',
    cgroups((x) => x.spec.memoryLimit),
    true,
  ),
  g(
    'container_spec_memory_reservation_limit_bytes',
    'Memory reservation of the container, in bytes.',
    cgroups(() => 0),
    true,
  ),
  g(
    'container_spec_memory_swap_limit_bytes',
    'Memory plus swap limit of the container, in bytes.',
    cgroups((x) => x.spec.memoryLimit),
    true,
  ),
  g(
    'container_start_time_seconds',
    'Start time of the container since the Unix epoch, in seconds.',
    cgroups((x) => x.spec.startTimeS),
    true,
  ),
  g(
    'container_last_seen',
    'Last time the exporter saw the container, in seconds since the Unix epoch.',
    (v) => cgroups(() => v.atMs / 1000)(v),
    true,
  ),
];
