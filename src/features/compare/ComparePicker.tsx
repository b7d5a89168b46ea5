import type { FormEvent } from 'react';
import { useState } from 'react';
import { runIdParam } from './compare-search';

/** Two Run IDs to compare; submitting writes them to the address. */
export function ComparePicker({
  a,
  b,
  onChoose,
}: {
  a?: number;
  b?: number;
  onChoose: (a: number, b: number) => void;
}) {
  const [left, setLeft] = useState(a === undefined ? '' : String(a));
  const [right, setRight] = useState(b === undefined ? '' : String(b));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const idA = runIdParam(left);
    const idB = runIdParam(right);
    if (idA === undefined || idB === undefined) {
      setProblem('Enter two Run IDs (whole numbers) to compare.');
      return;
    }
    setProblem(null);
    onChoose(idA, idB);
  };
  return (
    <form className="compare__picker" onSubmit={submit} aria-label="Runs to compare" noValidate>
      <RunIdField label="Run A" value={left} onChange={setLeft} problem={problem !== null} />
      <RunIdField label="Run B" value={right} onChange={setRight} problem={problem !== null} />
      <button type="submit" className="button">
        Compare
      </button>
      {problem ? (
        <p id="compare-picker-problem" role="alert" className="compare__picker-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function RunIdField({
  label,
  value,
  onChange,
  problem,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem: boolean;
}) {
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={problem ? 'compare-picker-problem' : undefined}
      />
    </label>
  );
}
