import { useCallback, useEffect, useState } from 'react';
import { callBackend, newRequestId, problemOf, type Problem } from './backend';

export type Load<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; problem: Problem };

/** Loads a card API path; `reload` tries again, `show` replaces the data with a write's answer. */
export function useBackend<T>(path: string) {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    callBackend<T>(path).then(
      (data) => current && setState({ kind: 'ready', data }),
      (error: unknown) => current && setState({ kind: 'error', problem: problemOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const show = useCallback((data: T) => setState({ kind: 'ready', data }), []);
  return { state, reload, show };
}

/** A write: one request id per call, `busy` while it runs, the problem if it failed. */
export function useWrite<T>(path: string, onDone: (data: T) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(
    async (body: Record<string, unknown>): Promise<boolean> => {
      setBusy(true);
      setProblem(null);
      try {
        onDone(await callBackend<T>(path, { requestId: newRequestId(), ...body }));
        return true;
      } catch (error) {
        setProblem(problemOf(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [path, onDone],
  );
  return { run, busy, problem };
}
