/**
 * The YAML editor: Monaco with the CCI schemas (hover, completion) and diagnoseYaml's markers
 * and quick fixes. Load it lazily (React.lazy) so Monaco is fetched only where an editor shows.
 */
import type { editor as MonacoEditor } from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { diagnoseYaml, type Diagnostic, type DiagnosticLanguage } from './diagnostics.ts';
import { createYamlModel, setupMonaco, showDiagnostics } from './monacoSetup.ts';
import { editorHeight, useMonacoTheme } from './editorLayout.ts';
import './editor.css';

export interface YamlEditorProps {
  value: string;
  onChange?(value: string): void;
  readOnly?: boolean;
  height?: number | string;
  onDiagnostics?(diagnostics: Diagnostic[]): void;
  /** The namespace the YAML is applied in, for rules that depend on it. */
  namespace?: string;
  /** That namespace's flavor, for the GPU rule. */
  namespaceFlavor?: string | undefined;
}

/** Diagnostics run this long after the last keystroke, not on every one. */
const DIAGNOSE_DELAY_MS = 200;

export default function YamlEditor(props: YamlEditorProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const language: DiagnosticLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor>(null);
  const latest = useRef(props);
  latest.current = props;
  const theme = useMonacoTheme();
  const languageRef = useRef<DiagnosticLanguage>(language);
  languageRef.current = language;
  const diagnoseRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const monaco = setupMonaco();
    const element = host.current;
    if (!element) return;
    const model = createYamlModel(latest.current.value);
    const editor = monaco.editor.create(element, {
      model,
      readOnly: latest.current.readOnly ?? false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      ariaLabel: t('editor.ariaLabel'),
      theme,
    });
    editorRef.current = editor;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const diagnose = () => {
      const current = latest.current;
      const diagnostics = diagnoseYaml(model.getValue(), languageRef.current, {
        ...(current.namespace !== undefined ? { namespace: current.namespace } : {}),
        ...(current.namespaceFlavor !== undefined
          ? { namespaceFlavor: current.namespaceFlavor }
          : {}),
      });
      showDiagnostics(model, diagnostics);
      current.onDiagnostics?.(diagnostics);
    };
    diagnoseRef.current = diagnose;
    diagnose();
    const subscription = model.onDidChangeContent(() => {
      latest.current.onChange?.(model.getValue());
      clearTimeout(timer);
      timer = setTimeout(diagnose, DIAGNOSE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
    // Created once per mount; later prop changes are applied by the effects below.
  }, []);

  // A new value from outside (a template applied, a reload) replaces the text as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === props.value) return;
    editor.executeEdits('external', [{ range: model.getFullModelRange(), text: props.value }]);
    editor.pushUndoStop();
  }, [props.value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: props.readOnly ?? false });
  }, [props.readOnly]);

  useEffect(() => {
    editorRef.current?.updateOptions({ theme });
  }, [theme]);

  // Messages follow the UI language; the namespace changes what some rules say.
  useEffect(() => diagnoseRef.current(), [language, props.namespace, props.namespaceFlavor]);

  useEffect(() => {
    if (host.current) host.current.style.height = editorHeight(props.height);
  }, [props.height]);

  return <div ref={host} className="cci-yaml-editor" />;
}
