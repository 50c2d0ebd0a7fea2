import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';

interface Props {
  region: string;
  /** The URL's namespace: the object's own, or the current one for cluster-scoped kinds. */
  namespace: string;
  plural: string;
  name: string;
}

/** A link to another object's details page. */
export function ObjectLink({ region, namespace, plural, name }: Props) {
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
      {name}
    </Anchor>
  );
}
