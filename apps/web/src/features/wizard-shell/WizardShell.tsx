import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WizardSubmit, type SubmitProps } from './WizardSubmit.tsx';
import { YamlPreview } from './YamlPreview.tsx';

export interface WizardStep {
  label: string;
  content: ReactNode;
  /** Whether Next may leave this step. */
  ok: boolean;
  /** Shown but not enterable (the namespace is given when only its network is added). */
  disabled?: boolean;
}

interface Props {
  title: ReactNode;
  /** Above the form: notices that are not part of any step. */
  notice?: ReactNode;
  /**
   * A stepped wizard's steps; the review step follows them. Without steps the form is
   * `children` and the review sits below it on one page.
   */
  steps?: WizardStep[];
  /** The step shown first (the steps before it cannot be entered). */
  firstStep?: number;
  children?: ReactNode;
  review: {
    title: string;
    intro?: ReactNode;
    stepLabel?: string;
    documents: Record<string, unknown>[];
  };
  submit: SubmitProps;
}

/**
 * Every creation wizard: its form (one page or steps), the review of exactly what will be sent,
 * and Create with its pending and refused states.
 */
export function WizardShell({
  title,
  notice,
  steps,
  firstStep = 0,
  children,
  review,
  submit,
}: Props) {
  return (
    <Stack>
      <Title order={3}>{title}</Title>
      {notice}
      {steps ? (
        <SteppedForm steps={steps} firstStep={firstStep} review={review} submit={submit} />
      ) : (
        <>
          {children}
          <YamlPreview title={review.title} documents={review.documents} />
          <WizardSubmit {...submit} />
        </>
      )}
    </Stack>
  );
}

function SteppedForm({
  steps,
  firstStep,
  review,
  submit,
}: Required<Pick<Props, 'steps' | 'firstStep' | 'review' | 'submit'>>) {
  const { t } = useTranslation();
  const [step, setStep] = useState(firstStep);
  const reviewing = step === steps.length;
  const back = step > firstStep && (
    <Button variant="default" onClick={() => setStep(step - 1)}>
      {t('common.back')}
    </Button>
  );
  return (
    <>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)}>
        {steps.map((s) => (
          <Stepper.Step key={s.label} label={s.label} disabled={s.disabled}>
            {s.content}
          </Stepper.Step>
        ))}
        <Stepper.Step label={review.stepLabel}>
          <Stack>
            {review.intro && <Text size="sm">{review.intro}</Text>}
            <YamlPreview title={review.title} documents={review.documents} />
          </Stack>
        </Stepper.Step>
      </Stepper>
      {reviewing ? (
        <WizardSubmit {...submit} before={back} />
      ) : (
        <Group justify="flex-end">
          {back}
          <Button disabled={!steps[step]?.ok} onClick={() => setStep(step + 1)}>
            {t('common.next')}
          </Button>
        </Group>
      )}
    </>
  );
}
