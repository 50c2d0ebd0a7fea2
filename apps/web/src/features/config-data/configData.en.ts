/** Strings of a ConfigMap's or Secret's data (details Overview, YAML tab). English (i18n/catalogs.ts). */
export const en = {
  configData: {
    title: 'Data',
    none: 'No data',
    keys_one: '{{count}} key',
    keys_other: '{{count}} keys',
    bytes_one: '{{count}} byte',
    bytes_other: '{{count}} bytes',
    lines_one: '{{count}} line',
    lines_other: '{{count}} lines',
    binary: 'binary, shown as base64',
    reveal: 'Reveal {{key}}',
    hide: 'Hide {{key}}',
    copy: 'Copy {{key}}',
    copied: 'Copied',
    masked: 'Hidden value of {{key}}',
    revealAll: 'Show Secret values',
    revealAllHint: 'Values are hidden until you show them',
  },
};
