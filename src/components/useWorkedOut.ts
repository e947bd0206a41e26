import { useEffect, useState } from 'react';

/**
 * What is worked out from a report's original file (off the page's thread), kept in `known` by the
 * file's SHA-256 so that going back to a report shows it at once. Undefined until it has come.
 */
export function useWorkedOut<T>(
  known: Map<string, Promise<T>>,
  sha: string,
  work: () => Promise<T>,
): T | undefined {
  const [found, setFound] = useState<{ sha: string; value: T } | null>(null);
  useEffect(() => {
    let gone = false;
    let pending = known.get(sha);
    if (!pending) {
      pending = work();
      known.set(sha, pending);
    }
    void pending.then((value) => {
      if (!gone) setFound({ sha, value });
    });
    return () => {
      gone = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one file per SHA-256: `work` is asked once for it
  }, [known, sha]);
  return found?.sha === sha ? found.value : undefined;
}
