/**
 * A CronJobs list cell: the schedule in words, or the next run in the viewer's time zone. A
 * module of its own, loaded lazily by the list, so the cron libraries stay off the first load.
 */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { describeSchedule, formatRun, nextRuns } from './cronText.ts';

export default function CronCell({ schedule, mode }: { schedule: string; mode: 'words' | 'next' }) {
  useTranslation(); // renders again when the language changes
  const language = currentLanguage();
  if (mode === 'words') {
    const words = describeSchedule(schedule, language);
    return <span title={schedule}>{words ?? schedule}</span>;
  }
  const [next] = nextRuns(schedule, new Date(), 1);
  return next ? formatRun(next, language) : '';
}
