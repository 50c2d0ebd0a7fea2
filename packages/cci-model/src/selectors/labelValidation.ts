import { DNS1123_SUBDOMAIN_FORMAT, DNS1123_SUBDOMAIN_MAX } from '../names.ts';
// Label key/value rules of Kubernetes (apimachinery validation), with messages worded like the
// API server's so that users recognise them from kubectl.

const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';

const qualifiedNamePattern = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const labelValuePattern = new RegExp(`^${LABEL_VALUE_FMT}$`);
const dns1123SubdomainPattern = new RegExp(`^${DNS1123_SUBDOMAIN_FORMAT}$`);

function regexError(what: string, format: string, examples: string[]): string {
  const shown = examples.map((e) => `'${e}'`).join(',  or ');
  return `${what} (e.g. ${shown}, regex used for validation is '${format}')`;
}

const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) {
    errs.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  }
  if (!dns1123SubdomainPattern.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FORMAT,
        ['example.com'],
      ),
    );
  }
  return errs;
}

/** Problems with a label key (a qualified name: optional DNS-subdomain prefix, '/', name). */
export function labelKeyErrors(key: string): string[] {
  const parts = key.split('/');
  const errs: string[] = [];
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const e of dns1123SubdomainErrors(prefix)) errs.push(`prefix part ${e}`);
  } else {
    return [
      regexError(`a qualified name ${QUALIFIED_NAME_MSG}`, QUALIFIED_NAME_FMT, [
        'MyName',
        'my.name',
        '123-abc',
      ]) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX) {
    errs.push(`name part must be no more than ${QUALIFIED_NAME_MAX} characters`);
  }
  if (!qualifiedNamePattern.test(name)) {
    errs.push(
      regexError(`name part ${QUALIFIED_NAME_MSG}`, QUALIFIED_NAME_FMT, [
        'MyName',
        'my.name',
        '123-abc',
      ]),
    );
  }
  return errs;
}

/** Problems with a label value (may be empty). */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX) {
    errs.push(`must be no more than ${LABEL_VALUE_MAX} characters`);
  }
  if (!labelValuePattern.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        ['MyValue', 'my_value', '12345'],
      ),
    );
  }
  return errs;
}

/** The API server's field-error form: `<path>: Invalid value: "<value>": <reasons>`. */
export function invalidValueMessage(path: string, value: string, reasons: string[]): string {
  return `${path}: Invalid value: ${JSON.stringify(value)}: ${reasons.join('; ')}`;
}
