import { screen, waitFor } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { sim } from '../../../test/backend';
import { renderWithClient } from '../../../test/render-with-client';
import { FaultsControl } from './FaultsControl';

test('the panel switches the API faults of the simulator, and shows the mode it has', async () => {
  const onError = vi.fn();
  const { user } = renderWithClient(<FaultsControl onError={onError} />);
  const select = await screen.findByRole('combobox', { name: 'API faults' });
  await waitFor(() => expect(select).toBeEnabled());
  expect(select).toHaveValue('none');

  await user.selectOptions(select, 'Flaky: some answers fail, are slow or cut');
  await waitFor(() => expect(sim.faults.mode).toBe('flaky'));
  expect(select).toHaveValue('flaky');

  await user.selectOptions(select, 'None: every answer as it should be');
  await waitFor(() => expect(sim.faults.mode).toBe('none'));
  expect(onError).not.toHaveBeenCalled();
});
