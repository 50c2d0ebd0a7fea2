/**
 * monaco-yaml 5.5 (through monaco-worker-manager 2) still calls the pre-0.55 form
 * `monaco.editor.createWebWorker({ moduleId, label, createData })`; Monaco 0.57 wants
 * `{ worker }` and would fall back to running the YAML service on the main thread, where it
 * does not exist. This hands monaco-yaml a Monaco whose createWebWorker starts our bundled YAML
 * worker and sends it createData, as Monaco's own language workers do (internal/common/workers).
 */
import type * as Monaco from 'monaco-editor/editor';
import type { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker.ts?worker';

/** The Monaco monaco-yaml is typed against: the whole package, of which it uses editor/languages. */
type YamlMonaco = Parameters<typeof configureMonacoYaml>[0];

interface LegacyWorkerOptions {
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

export function monacoForYaml(monaco: typeof Monaco): YamlMonaco {
  const createWebWorker = (options: LegacyWorkerOptions) => {
    const worker = new YamlWorker();
    // The first message starts the worker's initialize(); the second carries createData.
    worker.postMessage('ignore');
    worker.postMessage(options.createData);
    return monaco.editor.createWebWorker({
      worker,
      ...(options.host ? { host: options.host } : {}),
      ...(options.keepIdleModels !== undefined ? { keepIdleModels: options.keepIdleModels } : {}),
    } as Parameters<typeof monaco.editor.createWebWorker>[0]);
  };
  // We load the editor entry only (no other languages): what monaco-yaml touches is all there.
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } } as unknown as YamlMonaco;
}
