import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/errors';

/** A labelled input whose error is shown under it and announced with it. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ComponentChildren;
} & Omit<JSX.IntrinsicElements['input'], 'id' | 'label'>) {
  const { id, label, error, hint, children, ...input } = props;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children ?? <input id={id} name={id} aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...input} />}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && <p class="field-error" id={`${id}-error`} data-field-error={id}>{error}</p>}
    </div>
  );
}

/** An error message for a whole form or page. */
export function Alert({ error }: { error?: string | null }) {
  if (!error) return null;
  return <p class="alert" role="alert">{error}</p>;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return <p class="loading" role="status">{label}</p>;
}

/** The readable message of anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Loads data for a page and reloads it when a key changes. `loading` is true until the data for the current keys has
 * arrived, so stale results are never presented as the answer to a new query.
 */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [tick, setTick] = useState(0);
  const key = JSON.stringify([...keys, tick]);
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({ key: null, data: null, error: null });
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setState({ key, data, error: null }))
      .catch((e: unknown) => live && setState((current) => ({ key, data: current.data, error: messageOf(e) })));
    return () => {
      live = false;
    };
  }, [key]);
  return { data: state.data, error: state.error, loading: state.key !== key, reload: () => setTick((n) => n + 1) };
}

/** Sets the document title for a page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Shop` : 'Shop';
  }, [title]);
}
