import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/kube/http.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { landingPath, safeRedirect } from './landing.ts';
import type { RegionsView, SessionView, SignInBody } from '@cci/model';
import { sessionKeys, signIn } from './session.queries.ts';

interface Props {
  method: 'password' | 'aksk';
  region: string;
  demo: RegionsView['demo'];
  redirect: string | undefined;
  onSignedIn: (target: string) => void;
  /** Re-sign-in over an open screen (SessionExpiredModal): no navigation, cached data kept. */
  resume?: (session: SessionView) => Promise<void>;
  /** Prefilled fields (the ended session's account and user). */
  initialValues?: Record<string, string>;
}

/** A2: the user name defaults to the account name, the project to the region. */
export function buildSignInRequest(
  method: Props['method'],
  region: string,
  values: Record<string, string>,
): SignInBody {
  const optional = (key: string) => (values[key]?.trim() ? { [key]: values[key]!.trim() } : {});
  return method === 'password'
    ? {
        region,
        method,
        domainName: values['domainName']?.trim() ?? '',
        password: values['password'] ?? '',
        ...optional('userName'),
        ...optional('projectName'),
      }
    : {
        region,
        method,
        accessKey: values['accessKey']?.trim() ?? '',
        secretKey: values['secretKey'] ?? '',
        ...optional('projectName'),
      };
}

export function LoginForm(props: Props) {
  const { method, region, demo, redirect, onSignedIn, resume, initialValues } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(
    demo
      ? { domainName: demo.domain, userName: demo.user, password: demo.password }
      : (initialValues ?? {}),
  );
  const mutation = useMutation({
    // The session key marks it as sign-in: SessionExpiry never re-sends it.
    mutationKey: [...sessionKeys.all, 'signIn'],
    mutationFn: signIn,
    onSuccess: async (session) => {
      if (resume) return resume(session);
      queryClient.removeQueries({ queryKey: ['resources'] });
      queryClient.setQueryData(sessionKeys.current(), session);
      const back = safeRedirect(redirect);
      const sameRegion = back?.startsWith(`/r/${encodeURIComponent(session.region)}/`);
      onSignedIn(back && sameRegion ? back : await landingPath(queryClient, session.region));
    },
  });
  const language = currentLanguage();
  const error = mutation.error instanceof ApiError ? mutation.error : undefined;
  const fieldErrors = error?.fieldErrors(language) ?? {};
  const formError = mutation.error ? (error?.localized(language) ?? t('common.error')) : undefined;
  const bind = (key: string) => ({
    value: values[key] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
    error: fieldErrors[key],
    name: key,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(buildSignInRequest(method, region, values));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {method === 'password' ? (
          <>
            <TextInput
              label={t('login.domain')}
              required
              autoComplete="organization"
              {...bind('domainName')}
            />
            <TextInput
              label={t('login.user')}
              description={t('login.userHint')}
              placeholder={values['domainName'] ?? ''}
              autoComplete="username"
              {...bind('userName')}
            />
            <PasswordInput
              label={t('login.password')}
              required
              autoComplete="current-password"
              {...bind('password')}
            />
          </>
        ) : (
          <>
            <TextInput
              label={t('login.accessKey')}
              required
              autoComplete="off"
              {...bind('accessKey')}
            />
            <PasswordInput
              label={t('login.secretKey')}
              required
              autoComplete="off"
              {...bind('secretKey')}
            />
          </>
        )}
        <TextInput
          label={t('login.project')}
          description={t('login.projectHint', { region })}
          placeholder={region}
          {...bind('projectName')}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Button type="submit" loading={mutation.isPending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
