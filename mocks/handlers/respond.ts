import { HttpResponse } from 'msw';
import type { SimResult } from '../simulator';

/** Turns a simulator answer into an HTTP response. */
export function respond<T>(result: SimResult<T>): HttpResponse<never> | Response {
  if (result.status === 204) return new HttpResponse(null, { status: 204 });
  return HttpResponse.json(result.body as never, { status: result.status });
}

export const badRequest = (detail: string): Response =>
  HttpResponse.json({ detail }, { status: 400 });

/** Reads a JSON body; an empty body is `{}`. */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A Run id from the path: a whole number, or null. */
export function runId(value: string | readonly string[] | undefined): number | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}
