/** What every answer of the simulated API is: a status and a body, as SPEC §3 would send them. */
export type SimResult<T> =
  | { readonly status: 200 | 201; readonly body: T }
  | { readonly status: 204; readonly body: null }
  | { readonly status: 400 | 403 | 404 | 409; readonly body: { readonly detail: string } };

export const ok = <T>(body: T): SimResult<T> => ({ status: 200, body });
export const created = <T>(body: T): SimResult<T> => ({ status: 201, body });
export const noContent = (): SimResult<null> => ({ status: 204, body: null });
export const fail = (status: 400 | 403 | 404 | 409, detail: string): SimResult<never> => ({
  status,
  body: { detail },
});
