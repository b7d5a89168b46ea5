import { createFileRoute } from '@tanstack/react-router';
import { LifecyclePage } from '../features/lifecycle/LifecyclePage';

export const Route = createFileRoute('/lifecycle')({
  component: LifecyclePage,
});
