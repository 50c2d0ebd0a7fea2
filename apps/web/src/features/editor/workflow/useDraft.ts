import { useEffect, useRef, useState } from 'react';
import {
  blankSecretValues,
  discardDraft,
  loadDraft,
  saveDraft,
  type DraftSave,
  type DraftTarget,
  type StoredDraft,
} from './drafts.ts';

const SAVE_DELAY_MS = 400;

/**
 * The editor text with its draft: starts from the stored draft when there is one, saves every
 * change shortly after typing stops, and tells what happened to the last save (a Secret's values
 * are blanked or, when the text does not parse, not stored).
 */
export function useDraft(target: DraftTarget, initial: () => string) {
  const key = `${target.region}/${target.namespace}/${target.target}`;
  const [restored, setRestored] = useState<StoredDraft | undefined>(() =>
    loadDraft(localStorage, target),
  );
  const [text, setText] = useState<string>(() => restored?.text ?? initial());
  const [lastSave, setLastSave] = useState<DraftSave | undefined>();
  const pristine = useRef(true);

  useEffect(() => {
    if (pristine.current) return;
    const timer = setTimeout(
      () => setLastSave(saveDraft(localStorage, target, text, new Date())),
      SAVE_DELAY_MS,
    );
    return () => clearTimeout(timer);
    // `target` is identified by `key`; a new object each render must not restart the timer.
  }, [key, text]);

  return {
    text,
    restored,
    lastSave,
    /** Secret values a restored draft lost and the user has not typed again (Apply waits). */
    missingSecretValues: restored?.secretValuesRemoved ? blankSecretValues(text) : [],
    change(next: string) {
      pristine.current = false;
      setText(next);
    },
    /** Drops the draft and starts over from `fresh` (after an apply, or on "discard"). */
    reset(fresh: string) {
      discardDraft(localStorage, target);
      pristine.current = true;
      setRestored(undefined);
      setLastSave(undefined);
      setText(fresh);
    },
  };
}
