/** Datastores and the acting user (SPEC §3), plus the simulator's control surface (SPEC §6). */
import { http, HttpResponse } from 'msw';
import {
  paths,
  simClockBodySchema,
  simFaultsBodySchema,
  simResetBodySchema,
  simUserBodySchema,
} from '../../src/api/contract';
import { DEFAULT_SEED } from '../simulator';
import type { HandlerContext } from './context';
import { parseBody, respond } from './respond';

export function platformHandlers({ base, sim }: HandlerContext) {
  return [
    http.get(`${base}${paths.datastores}`, () => respond(sim().datastores())),
    http.get(`${base}${paths.me}`, () => respond(sim().me())),
  ];
}

export function controlHandlers({ base, sim, onChange }: HandlerContext) {
  return [
    http.post(`${base}${paths.simReset}`, async ({ request }) => {
      const body = await parseBody(request, simResetBodySchema);
      if (body instanceof Response) return body;
      sim().reset(body.scenario ?? 'default', body.seed ?? DEFAULT_SEED);
      onChange();
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(`${base}${paths.simClock}`, async ({ request }) => {
      const body = await parseBody(request, simClockBodySchema);
      if (body instanceof Response) return body;
      const result = sim().clockControl(body);
      onChange();
      return respond(result);
    }),

    http.get(`${base}${paths.simClock}`, () => HttpResponse.json(sim().clockState())),

    http.put(`${base}${paths.simUser}`, async ({ request }) => {
      const body = await parseBody(request, simUserBodySchema);
      if (body instanceof Response) return body;
      const result = sim().setUser(body);
      onChange();
      return respond(result);
    }),

    http.get(`${base}${paths.simFaults}`, () => HttpResponse.json({ mode: sim().faults.mode })),

    http.put(`${base}${paths.simFaults}`, async ({ request }) => {
      const body = await parseBody(request, simFaultsBodySchema);
      if (body instanceof Response) return body;
      sim().faults.setMode(body.mode);
      onChange();
      return HttpResponse.json({ mode: sim().faults.mode });
    }),
  ];
}
