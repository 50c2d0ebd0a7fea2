import { Alert, Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
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

/** N5 fields of a Network, checked as the user types (N5 errors per field, N6 confirmation). */
export function NetworkFieldsForm(props: Props) {
  const { t } = useTranslation();
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
            error={check.errors[key]?.message[language]}
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
