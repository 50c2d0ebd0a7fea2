import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kube } from '../../../lib/kube/client.ts';
import { invalidateAfterWrite } from '../../../lib/kube/refresh.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { applyManifests, type ApplyReport } from './applyManifests.ts';

/** Dry run or apply of the editor text; a real apply refreshes what it wrote (lib/kube/refresh.ts). */
export function useApply(
  region: string,
  namespace: string,
  onApplied?: (report: ApplyReport) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, dryRunOnly }: { text: string; dryRunOnly: boolean }) =>
      applyManifests(text, { namespace, client: kube, language: currentLanguage(), dryRunOnly }),
    onSuccess: async (report) => {
      if (!report.applied) return;
      await Promise.all(
        report.written.map((w) =>
          invalidateAfterWrite(queryClient, { region, ...w, names: [w.name] }),
        ),
      );
      onApplied?.(report);
    },
  });
}
