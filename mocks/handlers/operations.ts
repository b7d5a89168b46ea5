/** The operations API of SPEC §3, served by the simulator; every path comes from the contract. */
import { http } from 'msw';
import {
  RUN_ID_PARAM,
  launchBodySchema,
  parseListRunsQuery,
  parseLogsQuery,
  paths,
} from '../../src/api/contract';
import { concurrency } from '../service/concurrency';
import type { SimResult } from '../service/result';
import type { HandlerContext } from './context';
import { badRequest, idempotencyKey, parseBody, respond, withRunId } from './respond';

/** The Run id's placeholder in the route patterns. */
const ID = `:${RUN_ID_PARAM}` as const;

export function operationHandlers({ base, sim, onChange }: HandlerContext) {
  const url = (path: string): string => `${base}${path}`;
  const changed = <T extends Response>(response: T): T => {
    onChange();
    return response;
  };
  /** A PUT action on one Run (abort, resume, rerun): it changes the store. */
  const action = (
    path: string,
    act: (id: number, request: Request) => SimResult<unknown> | Response,
  ) =>
    http.put(
      url(path),
      withRunId((id, request) => {
        const answer = act(id, request);
        return answer instanceof Response ? answer : changed(respond(answer));
      }),
    );
  /** Resume or Rerun, with the request's Idempotency-Key (a malformed one answers 400). */
  const relaunch = (kind: 'resume' | 'rerun', id: number, request: Request) => {
    const key = idempotencyKey(request);
    return key instanceof Response ? key : sim()[kind](id, key ?? undefined);
  };
  return [
    http.get(url(paths.operations), ({ request }) => {
      const parsed = parseListRunsQuery(new URL(request.url).searchParams);
      if (!parsed.ok) return badRequest(parsed.detail);
      return respond(sim().listRuns(parsed.query));
    }),

    http.get(url(paths.activity), ({ request }) => {
      const params = new URL(request.url).searchParams;
      const start = params.get('start_date');
      const end = params.get('end_date');
      if (!start || !end) return badRequest('start_date and end_date are required (YYYY-MM-DD)');
      return respond(sim().activity(start, end));
    }),

    // Before `/operations/{id}`, which would read "concurrency" as a malformed Run id.
    http.get(url(paths.concurrency), ({ request }) => {
      const simulator = sim();
      simulator.reconcile();
      return respond(concurrency(simulator, new URL(request.url).searchParams.get('hours')));
    }),

    http.post(url(paths.launch), async ({ request }) => {
      const body = await parseBody(request, launchBodySchema);
      if (body instanceof Response) return body;
      return changed(respond(sim().launch(body)));
    }),

    http.get(
      url(paths.logs(ID)),
      withRunId((id, request) => {
        const parsed = parseLogsQuery(new URL(request.url).searchParams);
        return parsed.ok ? respond(sim().logs(id, parsed.query)) : badRequest(parsed.detail);
      }),
    ),

    http.get(
      url(paths.operation(ID)),
      withRunId((id) => respond(sim().getRun(id))),
    ),
    action(paths.abort(ID), (id) => sim().abort(id)),
    action(paths.resume(ID), (id, request) => relaunch('resume', id, request)),
    action(paths.rerun(ID), (id, request) => relaunch('rerun', id, request)),
    http.delete(
      url(paths.operation(ID)),
      withRunId((id) => changed(respond(sim().delete(id)))),
    ),
  ];
}
