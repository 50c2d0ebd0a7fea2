import { Alert, Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { checkNetwork, type NetworkFields } from './namespaceForm.ts';

interface Props {
  namespace: string;
  value: NetworkFields;
  onChange: (next: NetworkFields) => void;
  overlapConfirmed: boolean;
  onOverlapConfirmed: (confirmed: boolean) => void;
}

const fields: (keyof NetworkFields)[] = [
  'vpcId',
  'subnetId',
  'networkId',
  'cidr',
  'securityGroup',
  'domainId',
  'projectId',
];

/**
 * The fields of a Network, checked as the user types; a field's error shows once it has been
 * left (or came filled in), never on an untouched form. The overlap asks for a confirmation.
 */
export function NetworkFieldsForm(props: Props) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState(
    () => new Set(fields.filter((key) => props.value[key] !== '')),
  );
  const language = currentLanguage();
  const check = checkNetwork(props.namespace, props.value);
  const overlap = check.serviceRangeOverlap;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {fields.map((key) => (
          <TextInput
            key={key}
            label={t(`nsWizard.field.${key}`)}
            description={t(`nsWizard.hint.${key}`)}
            value={props.value[key]}
            onChange={(e) => props.onChange({ ...props.value, [key]: e.currentTarget.value })}
            onBlur={() => setTouched((s) => new Set(s).add(key))}
            error={touched.has(key) ? check.errors[key]?.message[language] : undefined}
            required
          />
        ))}
      </SimpleGrid>
      {overlap && (
        <Alert color="yellow" role="alert" title={t('nsWizard.overlapTitle')}>
          <Stack gap="xs">
            <span>{overlap.message[language]}</span>
            <Checkbox
              label={t('nsWizard.overlapConfirm')}
              checked={props.overlapConfirmed}
              onChange={(e) => props.onOverlapConfirmed(e.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
