import { Button } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

interface EditProps {
  region: string;
  namespace: string;
  resource: string;
  name: string;
}

/** Kinds whose details offer their form for editing (a Job's template cannot change). */
const formEditable: Record<string, string> = { deployments: 'deployment', cronjobs: 'cronjob' };

/** Details-page entry: edit this object through its form (with a diff before the update). */
export function EditFormButton({ region, namespace, resource, name }: EditProps) {
  const { t } = useTranslation();
  const workload = formEditable[resource];
  if (!workload) return null;
  return (
    <Button
      size="xs"
      variant="default"
      renderRoot={(props) => (
        <Link
          {...props}
          to="/r/$region/ns/$namespace/form/$workload"
          params={{ region, namespace, workload }}
          search={{ name }}
        />
      )}
    >
      {t('workflow.formEntry')}
    </Button>
  );
}
