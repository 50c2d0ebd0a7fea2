import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../api/http.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { resourceKeys } from '../../resources/resources.queries.ts';
import { applyManifests, type ApplyReport } from './applyManifests.ts';

/** Dry run or apply of the editor text; a real apply refreshes every cached list and object. */
export function useApply(
  region: string,
  namespace: string,
  onApplied?: (report: ApplyReport) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, dryRunOnly }: { text: string; dryRunOnly: boolean }) =>
      applyManifests(text, { namespace, fetch: apiFetch, language: currentLanguage(), dryRunOnly }),
    onSuccess: async (report) => {
      if (!report.applied) return;
      await queryClient.invalidateQueries({ queryKey: resourceKeys.region(region) });
      onApplied?.(report);
    },
  });
}
