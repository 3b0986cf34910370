/**
 * The action keys of `project.staff.actions`, read into what a button does. The backend names them:
 * the moves by name, 'update', 'submitForm:<kind>', 'sign:<formId>', 'recordSpending', 'close',
 * 'recordDecision' (调查研究室, on a project waiting for its committee).
 * Keys this client does not know are ignored (a newer backend may offer more).
 */
import { formKinds, projectMoves, type FormKind, type ProjectMove } from '@shishi/shared-types';

export type ActionKey =
  | { type: 'move'; move: ProjectMove }
  | { type: 'update' }
  | { type: 'submitForm'; kind: FormKind }
  | { type: 'sign'; formId: string }
  | { type: 'recordSpending' }
  | { type: 'close' }
  | { type: 'recordDecision' };

export function readActionKey(key: string): ActionKey | null {
  if ((projectMoves as readonly string[]).includes(key)) return { type: 'move', move: key as ProjectMove };
  if (key === 'update') return { type: 'update' };
  if (key === 'recordSpending') return { type: 'recordSpending' };
  if (key === 'close') return { type: 'close' };
  if (key === 'recordDecision') return { type: 'recordDecision' };
  const [head, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (head === 'submitForm' && (formKinds as readonly string[]).includes(rest)) {
    return { type: 'submitForm', kind: rest as FormKind };
  }
  if (head === 'sign' && rest) return { type: 'sign', formId: rest };
  return null;
}

/** The id of a key's button: `pa-<key>` with ':' as '-' (`#pa-sign-<formId>`, `#pa-submitForm-start`). */
export const actionButtonId = (key: string) => `pa-${key.replace(/:/g, '-')}`;
