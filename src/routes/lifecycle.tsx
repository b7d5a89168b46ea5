import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { RUN_STATES } from '../domain/states';
import { LifecyclePage } from './-components/chunks';

/** `?state=running` highlights a state and the transitions possible from it. */
const lifecycleSearch = z.object({
  state: z.catch(z.optional(z.enum(RUN_STATES)), undefined),
});

export const Route = createFileRoute('/lifecycle')({
  validateSearch: lifecycleSearch,
  loader: () => {
    void LifecyclePage.preload();
  },
  component: LifecycleRoute,
});

function LifecycleRoute() {
  const { state } = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <LifecyclePage
      highlight={state ?? null}
      onHighlightChange={(next) =>
        void navigate({ search: next === null ? {} : { state: next }, replace: true })
      }
    />
  );
}
