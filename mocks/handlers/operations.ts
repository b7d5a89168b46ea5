/** The operations API of SPEC §3, served by the simulator. */
import { http } from 'msw';
import {
  launchBodySchema,
  describeIssues,
  parseListRunsQuery,
  paths,
} from '../../src/api/contract';
import type { Simulator } from '../simulator';
import { badRequest, readJson, respond, runId } from './respond';

export interface HandlerContext {
  /** The base of every path, e.g. `/api` or `*\/api`. */
  readonly base: string;
  readonly sim: () => Simulator;
  /** Called after anything that changes the store or the clock (persistence). */
  readonly onChange: () => void;
}

const BAD_ID = 'The Run id must be a whole number';

export function operationHandlers({ base, sim, onChange }: HandlerContext) {
  const changed = <T extends Response>(response: T): T => {
    onChange();
    return response;
  };
  return [
    http.get(`${base}${paths.operations}`, ({ request }) => {
      const parsed = parseListRunsQuery(new URL(request.url).searchParams);
      if (!parsed.ok) return badRequest(parsed.detail);
      return respond(sim().listRuns(parsed.query));
    }),

    http.get(`${base}${paths.activity}`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const start = params.get('start_date');
      const end = params.get('end_date');
      if (!start || !end) return badRequest('start_date and end_date are required (YYYY-MM-DD)');
      return respond(sim().activity(start, end));
    }),

    http.post(`${base}${paths.launch}`, async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return badRequest('The body must be JSON');
      const parsed = launchBodySchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describeIssues(parsed.error));
      return changed(respond(sim().launch(parsed.data)));
    }),

    http.get(`${base}/operations/:id/logs`, ({ params, request }) => {
      const id = runId(params.id);
      if (id === null) return badRequest(BAD_ID);
      const query = new URL(request.url).searchParams;
      const after = query.get('after') ?? '0';
      const container = query.get('container');
      if (!/^\d+$/.test(after)) return badRequest('after must be a whole number (a log seq)');
      if (container !== null && !/^\d+$/.test(container))
        return badRequest('container must be a container id');
      return respond(
        sim().getLogs(id, Number(after), container === null ? null : Number(container)),
      );
    }),

    http.get(`${base}/operations/:id`, ({ params }) => {
      const id = runId(params.id);
      return id === null ? badRequest(BAD_ID) : respond(sim().getRun(id));
    }),

    http.put(`${base}/operations/abort/:id`, ({ params }) => {
      const id = runId(params.id);
      return id === null ? badRequest(BAD_ID) : changed(respond(sim().abort(id)));
    }),

    http.put(`${base}/operations/resume/:id`, ({ params }) => {
      const id = runId(params.id);
      return id === null ? badRequest(BAD_ID) : changed(respond(sim().resume(id)));
    }),

    http.put(`${base}/operations/rerun/:id`, ({ params }) => {
      const id = runId(params.id);
      return id === null ? badRequest(BAD_ID) : changed(respond(sim().rerun(id)));
    }),

    http.delete(`${base}/operations/:id`, ({ params }) => {
      const id = runId(params.id);
      return id === null ? badRequest(BAD_ID) : changed(respond(sim().delete(id)));
    }),
  ];
}
