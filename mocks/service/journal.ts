/**
 * The commands that change the store, as journaled with their virtual time: the browser keeps the
 * journal and replays it after a reload (same seed and commands give the same store).
 */
import type { LaunchBody, SimUserBody } from '../../src/api/contract';
import type { SimResult } from './result';

export type CommandBody =
  | { readonly op: 'launch'; readonly body: LaunchBody }
  | { readonly op: 'abort' | 'delete'; readonly id: number }
  /** `key`: the request's Idempotency-Key, so a replay answers repeats as the first time. */
  | { readonly op: 'resume' | 'rerun'; readonly id: number; readonly key?: string }
  | { readonly op: 'user'; readonly body: SimUserBody };
export type Command = CommandBody & { readonly at: number };

/** Whatever answers the commands (the Simulator). */
export interface CommandReceiver {
  launch(body: LaunchBody): SimResult<unknown>;
  abort(id: number): SimResult<unknown>;
  resume(id: number, key?: string): SimResult<unknown>;
  rerun(id: number, key?: string): SimResult<unknown>;
  delete(id: number): SimResult<unknown>;
  setUser(body: SimUserBody): SimResult<unknown>;
}

export function applyCommand(receiver: CommandReceiver, command: Command): SimResult<unknown> {
  switch (command.op) {
    case 'launch':
      return receiver.launch(command.body);
    case 'abort':
    case 'delete':
      return receiver[command.op](command.id);
    case 'resume':
    case 'rerun':
      return receiver[command.op](command.id, command.key);
    case 'user':
      return receiver.setUser(command.body);
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
}
