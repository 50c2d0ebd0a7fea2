import { Code, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { stringify } from 'yaml';

interface Props {
  title: string;
  documents: Record<string, unknown>[];
}

/**
 * The exact manifests a wizard will send, as YAML (what `kubectl apply -f` would take): a region
 * named by its title, so an operator (and a test) finds it by that name.
 */
export function YamlPreview({ title, documents }: Props) {
  const titleId = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={titleId}>
      <Text fw={600} size="sm" id={titleId}>
        {title}
      </Text>
      <Code block>{documents.map((d) => stringify(d)).join('---\n')}</Code>
    </Stack>
  );
}
