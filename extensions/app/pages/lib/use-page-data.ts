import { useEffect, useState } from 'react';
import { getFromBackend, problemOf, type Load } from './backend';

/** Loads a page API path; loads again whenever the path (its filters) changes. */
export function usePageData<T>(path: string): Load<T> {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    getFromBackend<T>(path).then(
      (data) => current && setState({ kind: 'ready', data }),
      (error: unknown) => current && setState({ kind: 'error', problem: problemOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state;
}
