import { Code, Stack, Text } from '@mantine/core';
import { stringify } from 'yaml';

interface Props {
  title: string;
  documents: Record<string, unknown>[];
  testId?: string;
}

/** The exact manifests a wizard will send, as YAML (what `kubectl apply -f` would take). */
export function YamlPreview({ title, documents, testId }: Props) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Code block data-testid={testId}>
        {documents.map((d) => stringify(d)).join('---\n')}
      </Code>
    </Stack>
  );
}
