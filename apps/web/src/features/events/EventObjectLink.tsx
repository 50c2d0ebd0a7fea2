import { Text } from '@mantine/core';
import { findKind } from '@cci/model';
import { ObjectLink } from '../details/ObjectLink.tsx';
import type { InvolvedObject } from './eventFold.ts';

/** "Pod/web-1" linking to the object's details; plain text for kinds the console lacks. */
export function EventObjectLink({ object, region }: { object: InvolvedObject; region: string }) {
  const text = `${object.kind}/${object.name}`;
  const plural = findKind({ kind: object.kind })?.plural;
  if (!plural || !object.name) return <Text size="sm">{text}</Text>;
  return (
    <ObjectLink region={region} namespace={object.namespace} plural={plural} name={object.name}>
      {text}
    </ObjectLink>
  );
}
