import type { MeOutput, Profile } from '@shishi/shared-types';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource, type Resource } from '../../hooks/useResource';
import { useFormState } from '../../hooks/useFormState';
import { fieldErrorsFromIssues } from '../../utils/fieldErrors';
import { bindInputSchema, bindProfile, fetchMe } from './api';

/**
 * The last `profile.me` answer, shared by the pages so that switching tabs shows the name at once;
 * each page still asks again when it shows.
 */
let cachedMe: MeOutput | null = null;

/** Forget the cached profile (after binding, or after switching the demo identity on H5). */
export function forgetMe(): void {
  cachedMe = null;
}

/** `profile.me`, loaded when the page shows (and refreshed each time it shows again). */
export function useMe(): Resource<MeOutput> {
  const resource = useResource(
    async () => {
      const me = await fetchMe();
      cachedMe = me;
      return me;
    },
    [],
    cachedMe,
  );
  useOnReshow(() => void resource.refresh());
  return resource;
}

export interface BindFormValues {
  name: string;
  orgId: string;
  unit: string;
}

/** State and submit of the 绑定资料 form: validated with `bindInputSchema`, then `profile.bind`. */
export function useBindForm(initial: BindFormValues, onBound: (profile: Profile) => void) {
  const form = useFormState<BindFormValues>(initial);

  const submit = async () => {
    if (form.busy) return;
    form.setFormError(null);
    const unit = form.values.unit.trim();
    const parsed = bindInputSchema.safeParse({
      name: form.values.name,
      orgId: form.values.orgId === '' ? undefined : form.values.orgId,
      unit: unit === '' ? undefined : unit,
    });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
      // An empty orgId fails the id schema with 缺少编号: say it in the words of the form.
      if (fieldErrors.orgId) fieldErrors.orgId = '请选择所在基层工会';
      form.setErrors(fieldErrors);
      return;
    }
    await form.send(
      async () => {
        const profile = await bindProfile(parsed.data);
        forgetMe();
        onBound(profile);
      },
      { page: true },
    );
  };

  return { ...form, submit };
}

export type { Profile };
