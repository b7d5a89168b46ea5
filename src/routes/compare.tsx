import type { SearchSchemaInput } from '@tanstack/react-router';
import { createFileRoute } from '@tanstack/react-router';
import type { CompareSearchInput } from '../features/compare/compare-search';
import { validateCompareSearch } from '../features/compare/compare-search';
import { ComparePage } from './-components/chunks';

/** `/compare?a=27&b=54`: two Runs side by side; a value that is not a Run ID is ignored, and said. */
export const Route = createFileRoute('/compare')({
  validateSearch: (input: CompareSearchInput & SearchSchemaInput) => validateCompareSearch(input),
  loader: () => {
    void ComparePage.preload();
  },
  component: CompareRoute,
});

function CompareRoute() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <ComparePage
      search={search}
      onChoose={(a, b) => void navigate({ search: { a: String(a), b: String(b) } })}
    />
  );
}
