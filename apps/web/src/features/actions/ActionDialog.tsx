import type { KubeObject } from '../resources/objects.ts';
import { kindOf, type ResourcePlural } from '../resources/resourceKinds.ts';
import type { ActionTarget } from './actions.queries.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { LabelsDialog } from './LabelsDialog.tsx';
import { RollbackDialog } from './RollbackDialog.tsx';
import { ScaleDialog } from './ScaleDialog.tsx';
import { SelectorDeleteDialog } from './SelectorDeleteDialog.tsx';

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

export function ActionDialog({ action, target, lookup, onClose, onDeleted }: Props) {
  if (!action) return null;
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
