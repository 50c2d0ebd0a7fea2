/**
 * The differential test's corpus: realistic scrapes (cAdvisor, node-exporter, kube-state-metrics,
 * from the payload testkits) and one small document per edge case of the text format 0.0.4.
 * Each edge case is its own document because the Python client and promtool reject a whole
 * document at its first bad line. Not part of the package API.
 */
import { payloadPod, renderNode, renderPod, nodePayloadPods } from './cadvisorPayload.testkit.ts';
import { renderKubeStateMetrics } from './kubeStateMetricsPayload.testkit.ts';
import { renderNodeExporter } from './nodeExporterPayload.testkit.ts';

export interface CorpusDocument {
  name: string;
  text: string;
}

const G = '# HELP g A gauge.\n# TYPE g gauge\n';

/** [name, text] of the edge cases; valid and invalid alike (the reference tools decide which). */
const EDGE_CASES: readonly (readonly [string, string])[] = [
  ['label value escapes', `${G}g{a="q\\"uote",b="back\\\\slash",c="new\\nline"} 1\n`],
  ['unicode label value', `${G}g{a="容器 ✓"} 1\n`],
  ['unknown escape in a label value', `${G}g{a="tab\\t"} 1\n`],
  ['HELP escapes', '# HELP g back\\\\slash and new\\nline\n# TYPE g gauge\ng 1\n'],
  ['HELP with another backslash', '# HELP g a \\t tab\n# TYPE g gauge\ng 1\n'],
  ['HELP with quotes and braces', '# HELP g "quoted" {braces} = 1\n# TYPE g gauge\ng 1\n'],
  ['empty HELP', '# HELP g\n# TYPE g gauge\ng 1\n'],
  ['NaN spellings', `${G}g{s="1"} NaN\ng{s="2"} nan\ng{s="3"} NAN\n`],
  ['+NaN', `${G}g +NaN\n`],
  [
    'infinity spellings',
    `${G}g{s="1"} +Inf\ng{s="2"} -Inf\ng{s="3"} inf\ng{s="4"} -inf\ng{s="5"} Infinity\ng{s="6"} -infinity\ng{s="7"} +INF\n`,
  ],
  [
    'float notations',
    `${G}g{s="1"} 1.5e+06\ng{s="2"} -2.5E-3\ng{s="3"} .5\ng{s="4"} 5.\ng{s="5"} +7\ng{s="6"} -0\ng{s="7"} 00012\n`,
  ],
  [
    'largest and smallest doubles',
    `${G}g{s="1"} 1.7976931348623157e308\ng{s="2"} 4.9e-324\ng{s="3"} 1e-400\n`,
  ],
  ['value out of double range', `${G}g 1e309\n`],
  ['negative value out of double range', `${G}g -2e308\n`],
  ['hexadecimal value', `${G}g 0x1p3\n`],
  ['value with underscore', `${G}g 1_000\n`],
  ['timestamps', `${G}g{s="1"} 1 1714557600000\ng{s="2"} 2 -1\ng{s="3"} 3 0\ng{s="4"} 4 +5\n`],
  ['timestamps beyond 2^53 ms', `${G}g{s="1"} 1 9007199254740993\ng{s="2"} 2 -9007199254740993\n`],
  [
    'int64 extremes as timestamps',
    `${G}g{s="1"} 1 9223372036854775807\ng{s="2"} 2 -9223372036854775808\n`,
  ],
  ['timestamp beyond int64', `${G}g 1 9223372036854775808\n`],
  ['fractional timestamp', `${G}g 1 1.5\n`],
  ['text after the timestamp', `${G}g 1 2 3\n`],
  ['no TYPE, no HELP', 'plain 1\nplain{a="b"} 2\n'],
  ['TYPE without HELP', '# TYPE c_total counter\nc_total 3\n'],
  ['HELP after the samples', '# TYPE g gauge\ng 1\n# HELP g Late help.\n'],
  ['TYPE after the samples', 'g 1\n# TYPE g gauge\n'],
  ['second HELP', `${G}# HELP g Again.\ng 1\n`],
  ['second TYPE', `${G}# TYPE g counter\ng 1\n`],
  ['unknown TYPE', '# TYPE g meter\ng 1\n'],
  ['upper-case TYPE', '# TYPE g GAUGE\ng 1\n'],
  ['plain comments', `# just a comment\n#\n${G}# HELPER not a keyword\ng 1\n`],
  ['blank lines and indentation', `\n${G}\n   g{a="1"} 1\n\tg{a="2"} 2\n\n`],
  ['spaces inside braces', `${G}g{ a = "1" , b="2" } 1\n`],
  ['trailing comma in labels', `${G}g{a="1",} 1\n`],
  ['empty label set', `${G}g{} 1\n`],
  ['colon in names', '# TYPE job:rate:sum gauge\njob:rate:sum{a="1"} 1\n'],
  ['colon in a label name', `${G}g{a:b="1"} 1\n`],
  ['duplicate label name', `${G}g{a="1",a="2"} 1\n`],
  ['label name starting with a digit', `${G}g{1a="1"} 1\n`],
  ['metric name starting with a digit', '1g 1\n'],
  ['missing value', `${G}g{a="1"}\n`],
  ['unterminated label value', `${G}g{a="1} 1\n`],
  ['no space before the value', `${G}g{a="1"}1\n`],
  ['no final newline', `${G}g 1`],
  ['families interleaved', '# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\na{x="y"} 3\n'],
  [
    'histogram',
    '# HELP h Latency.\n# TYPE h histogram\nh_bucket{le="0.1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 0.3\nh_count 2\n',
  ],
  [
    'histogram bucket without le',
    '# TYPE h histogram\nh_bucket{a="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n',
  ],
  ['histogram bare name', '# TYPE h histogram\nh 5\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n'],
  ['histogram le not a float', '# TYPE h histogram\nh_bucket{le="high"} 1\n'],
  [
    'summary',
    '# HELP s Sizes.\n# TYPE s summary\ns{quantile="0.5"} 1\ns{quantile="0.99"} NaN\ns_sum 3\ns_count 2\n',
  ],
  ['summary sample without quantile', '# TYPE s summary\ns{a="1"} 1\ns_sum 3\ns_count 2\n'],
  ['summary quantile not a float', '# TYPE s summary\ns{quantile="p99"} 1\n'],
  [
    'h_count with its own HELP after h_sum',
    '# HELP h Latency.\n# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 3\n# HELP h_count Own help.\nh_count 2\n',
  ],
  [
    'h_count HELP when h has none',
    '# TYPE h histogram\nh_sum 3\n# HELP h_count Counted.\nh_count 2\n',
  ],
  [
    'h_count HELP before the histogram TYPE',
    '# HELP h_count Counted.\n# TYPE h histogram\nh_sum 3\nh_count 2\n',
  ],
  ['suffixed names without a histogram TYPE', 'x_bucket{le="1"} 1\nx_sum 2\nx_count 3\n'],
  ['CRLF line ends', `# HELP g A gauge.\r\n# TYPE g gauge\r\ng 1\r\n`],
];

/** The whole corpus, deterministic. */
export function differentialCorpus(): CorpusDocument[] {
  return [
    { name: 'cAdvisor: one pod', text: renderPod(payloadPod(0, 4)) },
    { name: 'cAdvisor: node with GPU pods', text: renderNode(nodePayloadPods().slice(0, 6)) },
    { name: 'node-exporter', text: renderNodeExporter(3) },
    { name: 'kube-state-metrics', text: renderKubeStateMetrics(25, 2) },
    ...EDGE_CASES.map(([name, text]) => ({ name, text })),
  ];
}
