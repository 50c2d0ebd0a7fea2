import { Code, Group, SegmentedControl, Stack, Switch } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSecret, maskedForDisplay } from '../config-data/configData.ts';
import type { KubeObject } from '../resources/objects.ts';
import { toYaml } from '../resources/yaml.ts';

// Monaco is large: only the Raw tab of a details page downloads it.
const YamlEditor = lazy(() => import('../editor/YamlEditor.tsx'));

/**
 * Read-only YAML (the editor, once loaded; plain text until then) or JSON. A Secret's values
 * are masked until the user shows them (they are the user's own data, but not for onlookers).
 */
export function RawView({ object: stored }: { object: KubeObject }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [revealed, setRevealed] = useState(false);
  const object = maskedForDisplay(stored, revealed);
  const yaml = toYaml(object);
  const plain = (text: string) => (
    <Code block className="raw-view">
      {text}
    </Code>
  );
  return (
    <Stack gap="sm">
      <Group>
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
        {isSecret(stored) && (
          <Switch
            size="sm"
            label={t('configData.revealAll')}
            description={t('configData.revealAllHint')}
            checked={revealed}
            onChange={(e) => setRevealed(e.currentTarget.checked)}
          />
        )}
      </Group>
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
