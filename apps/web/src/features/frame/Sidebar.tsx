import { NavLink, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EventsWarningBadge } from '../events/EventsWarningBadge.tsx';
import { navAreas } from '../resources/resourceKinds.ts';

interface Props {
  region: string;
  namespace: string;
  active: string | undefined;
}

export function Sidebar({ region, namespace, active }: Props) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('app.title')}>
      {navAreas.map(({ area, resources }) => (
        <div key={area}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
            {t(`nav.${area}`)}
          </Text>
          {resources.map((resource) => (
            <NavLink
              key={resource}
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/r/$region/ns/$namespace/$resource"
                  params={{ region, namespace, resource }}
                />
              )}
              label={t(`nav.${resource}`)}
              rightSection={
                resource === 'events' ? (
                  <EventsWarningBadge region={region} namespace={namespace} />
                ) : undefined
              }
              active={active === resource}
            />
          ))}
        </div>
      ))}
    </nav>
  );
}
