import { useEffect, useState } from 'react';

/**
 * What is worked out from a report's original file (off the page's thread), kept in `known` by the
 * file's SHA-256 so that going back to a report shows it at once. Undefined until it has come; null
 * when it could not be worked out — then it is not kept, so that the next visit tries again (a time
 * limit met on a busy machine is no lasting fault of the file).
 */
export function useWorkedOut<T>(
  known: Map<string, Promise<T | null>>,
  sha: string,
  work: () => Promise<T | null>,
): T | null | undefined {
  const [found, setFound] = useState<{ sha: string; value: T | null } | null>(null);
  useEffect(() => {
    let gone = false;
    let pending = known.get(sha);
    if (!pending) {
      pending = work().catch(() => null);
      known.set(sha, pending);
    }
    void pending.then((value) => {
      if (value === null) known.delete(sha);
      if (!gone) setFound({ sha, value });
    });
    return () => {
      gone = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one file per SHA-256: `work` is asked once for it
  }, [known, sha]);
  return found?.sha === sha ? found.value : undefined;
}
