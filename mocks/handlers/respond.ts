/** Between HTTP and the simulator: answers to responses, bodies and ids from requests. */
import type { PathParams } from 'msw';
import { HttpResponse } from 'msw';
import { z } from 'zod/mini';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  RUN_ID_PARAM,
  describeIssues,
} from '../../src/api/contract';
import type { SimResult } from '../service/result';

/** Turns a simulator answer into an HTTP response. */
export function respond<T>(result: SimResult<T>): HttpResponse<never> | Response {
  if (result.status === 204) return new HttpResponse(null, { status: 204 });
  return HttpResponse.json(result.body as never, { status: result.status });
}

export const badRequest = (detail: string): Response =>
  HttpResponse.json({ detail }, { status: 400 });

/**
 * Reads a JSON body (an empty body is `{}`) and validates it: the parsed value, or the 400 to
 * answer, whose detail names the first bad fields.
 */
export async function parseBody<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
): Promise<z.infer<S> | Response> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return badRequest('The body must be JSON');
    }
  }
  const parsed = z.safeParse(schema, value);
  return parsed.success ? parsed.data : badRequest(describeIssues(parsed.error));
}

/** A Run id from the path: a whole number, or null. */
export function runId(value: string | readonly string[] | undefined): number | null {
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

/** The request's Idempotency-Key: null when it sent none, a 400 when it is malformed. */
export function idempotencyKey(request: Request): string | null | Response {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  return IDEMPOTENCY_KEY_PATTERN.test(key)
    ? key
    : badRequest(`${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters (a UUID)`);
}

/** A resolver for a Run's path: a malformed id answers 400 before the simulator is asked. */
export function withRunId(answer: (id: number, request: Request) => Response) {
  return ({ params, request }: { params: PathParams; request: Request }): Response => {
    const id = runId(params[RUN_ID_PARAM]);
    return id === null ? badRequest('The Run id must be a whole number') : answer(id, request);
  };
}
