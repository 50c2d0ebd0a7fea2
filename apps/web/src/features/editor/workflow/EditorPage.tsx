import { Alert } from '@mantine/core';
import { findKind } from '@cci/model';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ObjectEditor } from './ObjectEditor.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

/**
 * /r/:region/ns/:namespace/editor — `?template=<id>` starts from a manifest of the guide,
 * `?resource=<plural>&name=<name>` edits a live object; without either, an empty editor.
 */
export function EditorPage() {
  const { t } = useTranslation();
  const { region, namespace } = useParams({ from: '/r/$region/ns/$namespace/editor' });
  const search = useSearch({ from: '/r/$region/ns/$namespace/editor' });
  if (search.resource && search.name) {
    const kind = findKind({ plural: search.resource });
    if (!kind)
      return <Alert color="red">{t('list.unknownResource', { resource: search.resource })}</Alert>;
    return (
      <ObjectEditor
        key={`${kind.plural}/${search.name}`}
        region={region}
        namespace={namespace}
        kind={kind}
        name={search.name}
      />
    );
  }
  return <TemplateEditor region={region} namespace={namespace} templateId={search.template} />;
}
