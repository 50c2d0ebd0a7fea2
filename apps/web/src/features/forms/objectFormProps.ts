import type { RuleContext } from '@cci/model';
import type { ReactNode } from 'react';
import type { KubeObject } from '../../lib/kube/objects.ts';
import type { ResourcePlural } from '../resources/resourceKinds.ts';
import type { FormModel, KubeDoc } from './formModel.tsx';
import type { FieldProblem } from './formProblems.ts';
import type { PathPattern } from './objectPath.ts';

/** What a kind's form gives the form page (ObjectFormPage) and its actions. */
export interface ObjectFormProps {
  region: string;
  namespace: string;
  plural: ResourcePlural;
  title: ReactNode;
  /** The new object, or the live one's editable copy (with its resourceVersion). */
  initial: KubeDoc;
  /** Edit: the live object the form started from (the diff's left side). */
  base?: KubeDoc;
  flavor: string | undefined;
  ruleContext: RuleContext;
  /** What the form's fields cover; the rest is listed as kept. */
  patterns: readonly PathPattern[];
  /** The form's own checks (names, images: what Kubernetes refuses and the rules leave out). */
  checks: (object: KubeDoc) => FieldProblem[];
  /** Holds back Create/Update (lookups still loading). */
  loading?: boolean;
  children: (form: FormModel) => ReactNode;
  onDone(object: KubeObject): void;
}
