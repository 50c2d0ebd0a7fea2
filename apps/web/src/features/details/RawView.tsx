import { Code, SegmentedControl, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../resources/objects.ts';
import { toYaml } from '../resources/yaml.ts';

// Monaco is large: only the Raw tab of a details page downloads it.
const YamlEditor = lazy(() => import('../editor/YamlEditor.tsx'));

/** Read-only YAML (the editor, once loaded; plain text until then) or JSON. */
export function RawView({ object }: { object: KubeObject }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const yaml = toYaml(object);
  const plain = (text: string) => (
    <Code block className="raw-view">
      {text}
    </Code>
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        w={160}
        value={format}
        onChange={(v) => setFormat(v === 'json' ? 'json' : 'yaml')}
        data={[
          { value: 'yaml', label: t('details.yaml') },
          { value: 'json', label: t('details.json') },
        ]}
      />
      {format === 'json' ? (
        plain(JSON.stringify(object, null, 2))
      ) : (
        <div>
          <Suspense fallback={plain(yaml)}>
            <YamlEditor value={yaml} readOnly height="calc(100vh - 300px)" />
          </Suspense>
        </div>
      )}
    </Stack>
  );
}
