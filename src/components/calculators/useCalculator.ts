/**
 * State of one calculator island: the text of each field, restored from the link or from this browser
 * (see `src/lib/calc-state.ts` for what is stored, its shape and how old versions migrate), written back to
 * localStorage and to the address bar as the planner types, so a reload or a copied link shows the same.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { defaults, readFields, restore, serialize, storageKey, toQuery, type FieldDef, type FieldResult, type RawState } from '../../lib/calc-state';
import { InputError, type InputIssue } from '../../lib/errors';
import { browserStorage } from '../browser';

export type Notice = { kind: 'link'; fields: string[] } | { kind: 'saved' } | { kind: 'reset' } | null;


export function useCalculator(id: string, fields: readonly FieldDef[]) {
  const [state, setState] = useState<RawState>(() => defaults(fields));
  const [notice, setNotice] = useState<Notice>(null);
  const [ready, setReady] = useState(false);
  const [touched, setTouched] = useState(false);

  // Restore after hydration (the server-rendered HTML shows defaults; the browser holds the real state).
  useEffect(() => {
    const r = restore(fields, window.location.search, browserStorage()?.getItem(storageKey(id)) ?? null);
    setState(r.state);
    if (r.rejected.length > 0) setNotice({ kind: 'link', fields: r.rejected });
    else if (r.savedBroken) setNotice({ kind: 'saved' });
    // Values that arrived by link are kept like typed ones (a damaged saved entry still waits for an edit).
    if (r.linked.length > 0 && !r.savedBroken) setTouched(true);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    // Two islands can share a page (staffing + workload): keep the other one's parameters in the address.
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of new URLSearchParams(toQuery(fields, state))) params.set(k, v);
    const url = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
    // A corrupt entry stays in storage, untouched, until the planner changes something.
    if (touched) browserStorage()?.setItem(storageKey(id), serialize(state));
  }, [state, ready, touched]);

  const values = useMemo(() => readFields(fields, state), [state]);

  return {
    state,
    values,
    notice,
    ready,
    dismissNotice: () => setNotice(null),
    setField: (key: string, text: string) => {
      setTouched(true);
      setState((s) => ({ ...s, [key]: text }));
    },
    reset: () => {
      setTouched(true);
      setState(defaults(fields));
      setNotice({ kind: 'reset' });
    },
    linkUrl: () => `${window.location.origin}${window.location.pathname}${toQuery(fields, state)}`,
  };
}

export type FieldErrors = Record<string, InputIssue>;

/** The readings of just the fields one computation depends on, so errors elsewhere do not block it. */
export function only(values: Record<string, FieldResult>, keys: readonly string[]): Record<string, FieldResult> {
  return Object.fromEntries(keys.map((k) => [k, values[k]!]));
}

/** Field-level parse errors, keyed by field. */
export function parseErrors(values: Record<string, FieldResult>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, r] of Object.entries(values)) if (!r.ok) out[key] = { path: key, code: r.error };
  return out;
}

/**
 * Calls a library function and collects per-field errors: a field that does not parse keeps its parse error,
 * and every other field is still judged by the library (a field that did not parse goes in as NaN), so one
 * unreadable field never hides the range errors of the rest. An `InputError` becomes per-field errors through
 * `fieldOf` (library path → field key). The result is null while any field has an error. Any other exception
 * is a bug and is rethrown, unless a field did not parse (then the call was only a check of the others).
 */
export function compute<R>(
  values: Record<string, FieldResult>,
  run: (v: Record<string, number | string | null>) => R,
  fieldOf: (path: string) => string | undefined = (path) => path.split('.')[0],
): { result: R | null; errors: FieldErrors } {
  const errors = parseErrors(values);
  const unreadable = Object.keys(errors).length > 0;
  const plain = Object.fromEntries(Object.entries(values).map(([k, r]) => [k, r.ok ? r.value : Number.NaN]));
  try {
    const result = run(plain);
    return { result: unreadable ? null : result, errors };
  } catch (e) {
    if (!(e instanceof InputError)) {
      if (unreadable) return { result: null, errors };
      throw e;
    }
    // Parse errors were set first and win: the library's "not a finite number" for the NaN stand-in says less.
    for (const issue of e.issues) {
      const key = fieldOf(issue.path);
      if (key) errors[key] ??= issue;
    }
    if (Object.keys(errors).length === 0) errors['*'] = e.issues[0] ?? { path: '', code: 'invalid_value' };
    return { result: null, errors };
  }
}
