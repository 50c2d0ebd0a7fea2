import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { kinds } from '@cci/model';
import type { InvolvedObject } from './eventFold.ts';

/** Plural of a kind the console can open (details open any kind of the model). */
function pluralOf(kind: string): string | undefined {
  return kinds.find((k) => k.kind === kind)?.plural;
}

/** "Pod/web-1" linking to the object's details; plain text for kinds the console lacks. */
export function EventObjectLink({ object, region }: { object: InvolvedObject; region: string }) {
  const text = `${object.kind}/${object.name}`;
  const plural = pluralOf(object.kind);
  if (!plural || !object.name) return <Text size="sm">{text}</Text>;
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link
          {...props}
          to="/r/$region/ns/$namespace/$resource/$name"
          params={{ region, namespace: object.namespace, resource: plural, name: object.name }}
        />
      )}
    >
      {text}
    </Anchor>
  );
}
