/** Datastores and the acting user (SPEC §3), plus the simulator's control surface (SPEC §6). */
import { http, HttpResponse } from 'msw';
import {
  describeIssues,
  paths,
  simClockBodySchema,
  simResetBodySchema,
  simUserBodySchema,
} from '../../src/api/contract';
import { DEFAULT_SEED } from '../simulator';
import type { HandlerContext } from './operations';
import { badRequest, readJson, respond } from './respond';

export function platformHandlers({ base, sim }: HandlerContext) {
  return [
    http.get(`${base}${paths.datastores}`, () => respond(sim().datastores())),
    http.get(`${base}${paths.me}`, () => respond(sim().me())),
  ];
}

export function controlHandlers({ base, sim, onChange }: HandlerContext) {
  return [
    http.post(`${base}${paths.simReset}`, async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return badRequest('The body must be JSON');
      const parsed = simResetBodySchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describeIssues(parsed.error));
      sim().reset(parsed.data.scenario ?? 'default', parsed.data.seed ?? DEFAULT_SEED);
      onChange();
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(`${base}${paths.simClock}`, async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return badRequest('The body must be JSON');
      const parsed = simClockBodySchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describeIssues(parsed.error));
      const result = sim().clockControl(parsed.data);
      onChange();
      return respond(result);
    }),

    http.get(`${base}${paths.simClock}`, () => HttpResponse.json(sim().clockState())),

    http.put(`${base}${paths.simUser}`, async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return badRequest('The body must be JSON');
      const parsed = simUserBodySchema.safeParse(body.value);
      if (!parsed.success) return badRequest(describeIssues(parsed.error));
      const result = sim().setUser(parsed.data);
      onChange();
      return respond(result);
    }),
  ];
}
