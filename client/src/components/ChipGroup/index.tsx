import { View, Text } from '@tarojs/components';
import './index.scss';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
}

interface ChipGroupProps<T extends string> {
  options: readonly ChipOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** Each chip gets the id `<idPrefix>-<value>`. */
  idPrefix: string;
}

/** Big tappable choices that wrap onto several lines: a friendlier single choice than a picker. */
export function ChipGroup<T extends string>({ options, value, onChange, idPrefix }: ChipGroupProps<T>) {
  return (
    <View className="ui-chips">
      {options.map((option) => (
        <View
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          className={`ui-chip ${option.value === value ? 'ui-chip--selected' : ''}`}
          onClick={() => onChange(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** Options of a `Record<value, label>` table, in the order of `values`. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): ChipOption<T>[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
