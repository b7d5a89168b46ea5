import { createFileRoute } from '@tanstack/react-router';
import { RunsOverview } from '../features/runs/RunsOverview';

export const Route = createFileRoute('/')({
  component: RunsOverview,
});
