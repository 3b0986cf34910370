import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MeOutput, Profile } from '@shishi/shared-types';
import { useOnReshow } from '../../hooks/useOnReshow';
import { useResource, type Resource } from '../../hooks/useResource';
import { toApiError } from '../../services/call';
import { fieldErrorsFrom, fieldErrorsFromIssues, type FieldErrors } from '../../utils/fieldErrors';
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
  const [values, setValues] = useState<BindFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setField = <K extends keyof BindFormValues>(key: K, value: BindFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    setFormError(null);
    const unit = values.unit.trim();
    const parsed = bindInputSchema.safeParse({
      name: values.name,
      orgId: values.orgId === '' ? undefined : values.orgId,
      unit: unit === '' ? undefined : unit,
    });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
      // An empty orgId fails the id schema with 缺少编号: say it in the words of the form.
      if (fieldErrors.orgId) fieldErrors.orgId = '请选择所在基层工会';
      setErrors(fieldErrors);
      return;
    }
    setSubmitting(true);
    try {
      const profile = await bindProfile(parsed.data);
      forgetMe();
      onBound(profile);
    } catch (e) {
      const error = toApiError(e);
      setErrors(fieldErrorsFrom(error.fields));
      setFormError(error.message);
      setSubmitting(false);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    }
  };

  return { values, errors, formError, submitting, setField, submit, setValues };
}

export type { Profile };
