/** 资料: who the caller is (`profile.me`) and binding a worker to a grassroots union (`profile.bind`). */
import { bindInputSchema, type BindInput, type MeOutput, type Profile } from '@shishi/shared-types';
import { invoke } from '../../services/call';

export { bindInputSchema, type BindInput };

export function fetchMe(): Promise<MeOutput> {
  return invoke('profile', 'me');
}

export function bindProfile(input: BindInput): Promise<Profile> {
  return invoke('profile', 'bind', input);
}
