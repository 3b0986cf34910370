import { Text } from '@tarojs/components';
import { FormField } from '../../../components';
import { GrassrootsPicker } from './GrassrootsPicker';

interface WorkerOrgFieldProps {
  /** The field is `#<id>`, its chooser `#<id>-picker`. */
  id: string;
  /** Staff choose the worker's grassroots union; a cadre enters for their own, which is only named. */
  choose: boolean;
  /** The cadre's own union. */
  ownOrgName: string;
  /** Staff choose inside this org's subtree. */
  withinOrgId: string;
  value: string;
  onChange: (orgId: string) => void;
  error?: string;
  /** Class of the line naming the cadre's own union. */
  className: string;
}

/** 所在基层工会 of a worker whose paper form is entered (线下录入): chosen by staff, the cadre's own otherwise. */
export function WorkerOrgField({
  id,
  choose,
  ownOrgName,
  withinOrgId,
  value,
  onChange,
  error,
  className,
}: WorkerOrgFieldProps) {
  if (!choose) {
    return (
      <Text className={`muted ${className}`} id={id}>
        所在基层工会：{ownOrgName}
      </Text>
    );
  }
  return (
    <FormField label="所在基层工会" error={error} id={id}>
      <GrassrootsPicker id={`${id}-picker`} withinOrgId={withinOrgId} value={value} onChange={onChange} error={error} />
    </FormField>
  );
}
