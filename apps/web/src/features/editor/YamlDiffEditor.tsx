/**
 * Side-by-side YAML diff (e.g. the live object against the edited one before applying); the
 * right side is editable when onChange is given. Load it lazily, like YamlEditor.
 */
import type { editor as MonacoEditor } from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { editorHeight, useMonacoTheme } from './editorLayout.ts';
import { createYamlModel, setupMonaco } from './monacoSetup.ts';
import './editor.css';

export interface YamlDiffEditorProps {
  original: string;
  modified: string;
  onChange?(modified: string): void;
  height?: number | string;
}

export default function YamlDiffEditor(props: YamlDiffEditorProps): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const models = useRef<{
    original: MonacoEditor.ITextModel;
    modified: MonacoEditor.ITextModel;
  }>(null);
  const latest = useRef(props);
  latest.current = props;
  const theme = useMonacoTheme();

  useEffect(() => {
    const monaco = setupMonaco();
    const element = host.current;
    if (!element) return;
    const original = createYamlModel(latest.current.original);
    const modified = createYamlModel(latest.current.modified);
    const editor = monaco.editor.createDiffEditor(element, {
      automaticLayout: true,
      readOnly: latest.current.onChange === undefined,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: t('editor.ariaLabel'),
      theme,
    });
    editor.setModel({ original, modified });
    models.current = { original, modified };
    const subscription = modified.onDidChangeContent(() =>
      latest.current.onChange?.(modified.getValue()),
    );
    return () => {
      subscription.dispose();
      editor.dispose();
      original.dispose();
      modified.dispose();
      models.current = null;
    };
    // Created once per mount; text changes are applied by the effects below.
  }, []);

  useEffect(() => {
    const current = models.current;
    if (current && current.original.getValue() !== props.original) {
      current.original.setValue(props.original);
    }
  }, [props.original]);

  useEffect(() => {
    const current = models.current;
    if (current && current.modified.getValue() !== props.modified) {
      current.modified.setValue(props.modified);
    }
  }, [props.modified]);

  useEffect(() => {
    if (host.current) host.current.style.height = editorHeight(props.height);
  }, [props.height]);

  return <div ref={host} className="cci-yaml-editor" />;
}
