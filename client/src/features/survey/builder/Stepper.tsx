import { View, Text } from '@tarojs/components';

interface StepperProps {
  id: string;
  label: string;
  value: number | null;
  min: number;
  max: number;
  onChange: (value: number | null) => void;
  /** When set, stepping below `min` gives null, shown with this word (不限 / 全部). */
  nullLabel?: string;
  error?: string;
}

/** − N + : numbers without a keyboard (pick limits, rank count, condition scores). */
export function Stepper({ id, label, value, min, max, onChange, nullLabel, error }: StepperProps) {
  const down = () => {
    if (value === null) return;
    if (value <= min) return nullLabel ? onChange(null) : undefined;
    onChange(value - 1);
  };
  const up = () => {
    if (value === null) return onChange(min);
    if (value < max) onChange(value + 1);
  };
  return (
    <View className="se-stepper-row">
      <Text className="se-stepper-row__label">{label}</Text>
      <View className="se-stepper">
        <View className="se-stepper__btn" id={`${id}-minus`} onClick={down}>
          <Text>−</Text>
        </View>
        <Text className="se-stepper__value" id={id}>
          {value === null ? nullLabel : value}
        </Text>
        <View className="se-stepper__btn" id={`${id}-plus`} onClick={up}>
          <Text>+</Text>
        </View>
      </View>
      {error ? (
        <Text className="ui-field__error se-stepper-row__error" id={`${id}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
