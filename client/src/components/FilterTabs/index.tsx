import { View, Text } from '@tarojs/components';
import type { ChipOption } from '../ChipGroup';
import '../ChipGroup/index.scss';
import './index.scss';

interface FilterTabsProps<T extends string> {
  options: readonly ChipOption<T>[];
  /** `undefined` is 全部. */
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** Each tab gets the id `<idPrefix>-<value>`, and 全部 `<idPrefix>-all`. */
  idPrefix: string;
  allLabel?: string;
}

/**
 * Filter chips with 全部 first. They wrap onto a second line rather than scroll sideways, so every
 * choice stays in sight (and reachable with a mouse on the desktop H5 build).
 */
export function FilterTabs<T extends string>({
  options,
  value,
  onChange,
  idPrefix,
  allLabel = '全部',
}: FilterTabsProps<T>) {
  return (
    <View className="ui-chips ui-filter-tabs">
      <View
        id={`${idPrefix}-all`}
        className={`ui-chip ui-chip--small ${value === undefined ? 'ui-chip--selected' : ''}`}
        onClick={() => onChange(undefined)}
      >
        <Text>{allLabel}</Text>
      </View>
      {options.map((option) => (
        <View
          key={option.value}
          id={`${idPrefix}-${option.value}`}
          className={`ui-chip ui-chip--small ${option.value === value ? 'ui-chip--selected' : ''}`}
          onClick={() => onChange(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}
