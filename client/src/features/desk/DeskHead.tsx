import { Text, View } from '@tarojs/components';

/**
 * The column titles of a staff list shown as a table on a desktop browser (H5 at ≥ 1024 px; the
 * styles hide it on a phone, and the weapp never renders it). Only when the list has rows.
 */
export function DeskHead({ id, columns, show }: { id: string; columns: readonly string[]; show: boolean }) {
  if (process.env.TARO_ENV !== 'h5' || !show) return null;
  return (
    <View className="desk-head" id={id}>
      {columns.map((c) => (
        <Text key={c} className="desk-head__cell">
          {c}
        </Text>
      ))}
    </View>
  );
}
