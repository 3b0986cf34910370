import { View, Picker, Text } from '@tarojs/components';
import './admin.scss';

interface DateFieldProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  /** Shown while no day is chosen. */
  placeholder?: string;
}

/** A business date (YYYY-MM-DD) chosen with the date picker. */
export function DateField({ id, value, onChange, placeholder = '请选择日期' }: DateFieldProps) {
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="ui-input window-form__date" id={id}>
        <Text className={value ? undefined : 'muted'}>{value || placeholder}</Text>
        <Text className="window-form__arrow">›</Text>
      </View>
    </Picker>
  );
}
