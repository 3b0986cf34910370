import { View, Text } from '@tarojs/components';
import './index.scss';

interface ScoreStepperProps {
  value: number | undefined;
  onChange: (value: number) => void;
  /** Each step gets the id `<idPrefix>-<n>`. */
  idPrefix: string;
  min?: number;
  max?: number;
  /** Words under the two ends, e.g. 不迫切 / 非常迫切. */
  lowLabel?: string;
  highLabel?: string;
}

/** A 1–5 score as a row of big boxes: one tap, and every choice is in sight. */
export function ScoreStepper({ value, onChange, idPrefix, min = 1, max = 5, lowLabel, highLabel }: ScoreStepperProps) {
  const steps: number[] = [];
  for (let n = min; n <= max; n += 1) steps.push(n);
  return (
    <View className="ui-score">
      <View className="ui-score__row">
        {steps.map((n) => (
          <View
            key={n}
            id={`${idPrefix}-${n}`}
            className={`ui-score__step ${value !== undefined && n <= value ? 'ui-score__step--on' : ''} ${n === value ? 'ui-score__step--current' : ''}`}
            onClick={() => onChange(n)}
          >
            <Text>{n}</Text>
          </View>
        ))}
      </View>
      {lowLabel || highLabel ? (
        <View className="ui-score__ends">
          <Text>{lowLabel}</Text>
          <Text>{highLabel}</Text>
        </View>
      ) : null}
    </View>
  );
}
