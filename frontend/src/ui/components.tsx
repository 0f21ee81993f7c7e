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

/** Loads data for a page; reloads when a key changes. */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [...keys, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1) };
}

/** Sets the document title for a page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Shop` : 'Shop';
  }, [title]);
}
