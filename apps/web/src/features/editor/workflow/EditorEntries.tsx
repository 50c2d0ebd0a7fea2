import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Top-bar entry to "New from template" in the current region and namespace. */
export function NewFromTemplateButton({
  region,
  namespace,
}: {
  region: string;
  namespace: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="light"
      renderRoot={(props) => (
        <Link
          {...props}
          to="/r/$region/ns/$namespace/editor"
          params={{ region, namespace }}
          search={{}}
        />
      )}
    >
      {t('workflow.newEntry')}
    </Button>
  );
}

interface EditProps {
  region: string;
  namespace: string;
  resource: string;
  name: string;
}

/** Details-page entry: edit this object's YAML (diff and apply in the editor). */
export function EditYamlButton({ region, namespace, resource, name }: EditProps) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="default"
      renderRoot={(props) => (
        <Link
          {...props}
          to="/r/$region/ns/$namespace/editor"
          params={{ region, namespace }}
          search={{ resource, name }}
        />
      )}
    >
      {t('workflow.editEntry')}
    </Button>
  );
}
