/**
 * Monaco, bundled locally (no CDN loader), set up once per page: workers from our own origin
 * through Vite `?worker` imports (CSP worker-src 'self'), monaco-yaml for hover and completion
 * from the CCI schemas, and one quick-fix provider reading the fixes diagnoseYaml attached to
 * each model's markers. Validation itself is diagnoseYaml's (one marker source).
 * Under the BFF's CSP two of Monaco's modules are swapped for ours at build time (see
 * vite.config.ts): monacoStyleAttributes.ts and monacoStyles.ts.
 */
// The editor API with its features and only the YAML grammar: the package's main entry would
// also bundle ~80 other languages, the TS/JSON/CSS/HTML services and an LSP client.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import type { Diagnostic } from './diagnostics.ts';
import { combinedSchema } from './schemaCatalog.ts';
import { monacoForYaml } from './yamlWorkerBridge.ts';

export { monaco };

/** The marker owner of our diagnostics (monaco-yaml's own validation is off). */
export const MARKER_OWNER = 'cci';

const fixesByModel = new WeakMap<monaco.editor.ITextModel, Diagnostic[]>();
let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    // Only the editor worker is asked for here; monaco-yaml's comes from yamlWorkerBridge.
    getWorker: () => new EditorWorker(),
  };
  configureMonacoYaml(monacoForYaml(monaco), {
    validate: false,
    hover: true,
    completion: true,
    format: { enable: false },
    enableSchemaRequest: false,
    schemas: [
      {
        uri: 'inmemory://cci/schemas/cci-objects.json',
        fileMatch: ['**/*.yaml'],
        schema: combinedSchema() as unknown as JSONSchema,
      },
    ],
  });
  monaco.languages.registerCodeActionProvider('yaml', { provideCodeActions: quickFixes });
  return monaco;
}

function sameRange(marker: monaco.editor.IMarkerData, d: Diagnostic): boolean {
  return (
    marker.startLineNumber === d.line &&
    marker.startColumn === d.column &&
    marker.endLineNumber === d.endLine &&
    marker.endColumn === d.endColumn &&
    marker.message === d.message
  );
}

function quickFixes(
  model: monaco.editor.ITextModel,
  _range: monaco.Range,
  context: monaco.languages.CodeActionContext,
): monaco.languages.CodeActionList {
  const diagnostics = fixesByModel.get(model) ?? [];
  const actions: monaco.languages.CodeAction[] = [];
  for (const marker of context.markers) {
    const diagnostic = diagnostics.find((d) => d.fix && sameRange(marker, d));
    if (!diagnostic?.fix) continue;
    actions.push({
      title: diagnostic.fix.title,
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [marker],
      edit: {
        edits: diagnostic.fix.edits.map((e) => ({
          resource: model.uri,
          versionId: model.getVersionId(),
          textEdit: {
            range: new monaco.Range(e.line, e.column, e.endLine, e.endColumn),
            text: e.text,
          },
        })),
      },
    });
  }
  return { actions, dispose: () => undefined };
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

/** Shows diagnoseYaml's findings on a model and remembers their fixes for the lightbulb. */
export function showDiagnostics(model: monaco.editor.ITextModel, diagnostics: Diagnostic[]): void {
  fixesByModel.set(model, diagnostics);
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    diagnostics.map((d) => ({
      startLineNumber: d.line,
      startColumn: d.column,
      endLineNumber: d.endLine,
      endColumn: d.endColumn,
      severity: severities[d.severity],
      message: d.message,
      ...(d.rule ? { code: d.rule } : {}),
      source: d.rule ? 'CCI' : 'schema',
    })),
  );
}

let modelCounter = 0;

/** A fresh in-memory YAML model; the .yaml name makes monaco-yaml apply the CCI schema. */
export function createYamlModel(value: string): monaco.editor.ITextModel {
  modelCounter += 1;
  return monaco.editor.createModel(
    value,
    'yaml',
    monaco.Uri.parse(`inmemory://cci/editor-${modelCounter}.yaml`),
  );
}
