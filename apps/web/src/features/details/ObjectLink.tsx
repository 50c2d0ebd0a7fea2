import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface Props {
  region: string;
  /** The URL's namespace: the object's own, or the current one for cluster-scoped kinds. */
  namespace: string;
  plural: string;
  name: string;
  /** What the link says; the object's name by default. */
  children?: ReactNode;
}

/** A link to another object's details page. */
export function ObjectLink({ region, namespace, plural, name, children }: Props) {
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link
          {...props}
          to="/r/$region/ns/$namespace/$resource/$name"
          params={{ region, namespace, resource: plural, name }}
        />
      )}
    >
      {children ?? name}
    </Anchor>
  );
}
