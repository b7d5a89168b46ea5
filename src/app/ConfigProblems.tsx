/** What was wrong with the deployment's configuration: said on every page, never ignored silently. */
export function ConfigProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="config-problems">
      <p>
        <strong>The dashboard's configuration needs attention</strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
