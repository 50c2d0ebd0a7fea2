import { lazy, Suspense } from 'react';
import type { KubeObject } from '../resources/objects.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';
import type { ActionTarget } from './actions.queries.ts';

// The dialogs load on first use: lists and details render without their code (see the
// "Bundle" paragraph of docs/architecture.md: the initial JavaScript budget).
const DeleteDialog = lazy(() =>
  import('./DeleteDialog.tsx').then((m) => ({ default: m.DeleteDialog })),
);
const SelectorDeleteDialog = lazy(() =>
  import('./SelectorDeleteDialog.tsx').then((m) => ({ default: m.SelectorDeleteDialog })),
);
const ScaleDialog = lazy(() =>
  import('./ScaleDialog.tsx').then((m) => ({ default: m.ScaleDialog })),
);
const LabelsDialog = lazy(() =>
  import('./LabelsDialog.tsx').then((m) => ({ default: m.LabelsDialog })),
);
const RollbackDialog = lazy(() =>
  import('./RollbackDialog.tsx').then((m) => ({ default: m.RollbackDialog })),
);

/** The dialog open on a list or details page (one at a time). */
export type OpenAction =
  | { type: 'delete'; objects: KubeObject[] }
  | { type: 'deleteBySelector'; selector: string }
  | { type: 'labels'; name: string }
  | { type: 'scale'; name: string }
  | { type: 'rollback'; name: string };

/** Which actions a kind offers: by its verbs and subresources in @cci/model. */
export function availableActions(plural: ResourcePlural) {
  const kind = kindOf(plural);
  return {
    delete: kind.verbs.includes('delete'),
    deleteBySelector: kind.verbs.includes('delete') && kind.supportsSelectors,
    labels: kind.verbs.includes('patch'),
    scale: kind.subresources.includes('scale') && kind.verbs.includes('patch'),
    rollback: plural === 'deployments' && kind.verbs.includes('patch'),
  };
}

interface Props {
  action: OpenAction | undefined;
  target: ActionTarget;
  /** The freshest copy of an object by name (labels and rollback read it while open). */
  lookup: (name: string) => KubeObject | undefined;
  onClose: () => void;
  onDeleted?: ((names: string[]) => void) | undefined;
}

export function ActionDialog(props: Props) {
  if (!props.action) return null;
  return (
    <Suspense fallback={null}>
      <OpenDialog {...props} action={props.action} />
    </Suspense>
  );
}

function OpenDialog({
  action,
  target,
  lookup,
  onClose,
  onDeleted,
}: Props & { action: OpenAction }) {
  switch (action.type) {
    case 'delete':
      return (
        <DeleteDialog
          target={target}
          objects={action.objects}
          onClose={onClose}
          onDeleted={onDeleted}
        />
      );
    case 'deleteBySelector':
      return (
        <SelectorDeleteDialog
          target={target}
          initialSelector={action.selector}
          onClose={onClose}
          onDeleted={onDeleted}
        />
      );
    case 'scale':
      return <ScaleDialog target={target} name={action.name} onClose={onClose} />;
    case 'labels': {
      const object = lookup(action.name);
      return object ? <LabelsDialog target={target} object={object} onClose={onClose} /> : null;
    }
    case 'rollback': {
      const object = lookup(action.name);
      return object ? (
        <RollbackDialog target={target} deployment={object} onClose={onClose} />
      ) : null;
    }
  }
}
