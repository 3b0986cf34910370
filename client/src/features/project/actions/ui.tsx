/** Small pieces the project sheets and pages share: a date box, a tick box, read-only rows. */
import { View, Text, Picker } from '@tarojs/components';
import type { ReactNode } from 'react';
import './ui.scss';

/** 2027-03-01 → 2027年3月1日 (a business date is already a calendar day: no time zone involved). */
export function dayLabel(day: string | null | undefined): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

interface DateInputProps {
  /** The box gets this id (tap it to open the picker). */
  id: string;
  value: string;
  onChange: (day: string) => void;
  placeholder?: string;
  disabled?: boolean;
  /** 清除 next to the box, for optional dates. */
  clearable?: boolean;
}

/** A date chosen with the system date picker, shown as 2027年3月1日. */
export function DateInput({ id, value, onChange, placeholder = '请选择日期', disabled, clearable }: DateInputProps) {
  const box = (
    <View className={`ui-input pj-date ${disabled ? 'pj-date--disabled' : ''}`} id={id}>
      <Text className={value ? '' : 'pj-date__placeholder'}>{value ? dayLabel(value) : placeholder}</Text>
      {!disabled ? <Text className="pj-date__arrow">›</Text> : null}
    </View>
  );
  if (disabled) return box;
  return (
    <View className="pj-date-row">
      <View className="pj-date-row__picker">
        <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
          {box}
        </Picker>
      </View>
      {clearable && value ? (
        <View className="pj-link" id={`${id}-clear`} onClick={() => onChange('')}>
          <Text>清除</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A large tick box with its sentence (e.g. 已加盖单位公章). */
export function TickBox({
  id,
  checked,
  onChange,
  children,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <View className={`pj-tick ${checked ? 'pj-tick--on' : ''}`} id={id} onClick={() => onChange(!checked)}>
      <View className="pj-tick__box">
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className="pj-tick__text">{children}</Text>
    </View>
  );
}

export interface Row {
  label: string;
  value: string;
  /** Long text kept on its lines. */
  long?: boolean;
  id?: string;
}

/** Label–value rows of a form as printed (read-only). */
export function Rows({ rows, id }: { rows: readonly Row[]; id?: string }) {
  return (
    <View className="pj-rows" id={id}>
      {rows.map((r) => (
        <View key={r.label} className={`pj-rows__row ${r.long ? 'pj-rows__row--long' : ''}`} id={r.id}>
          <Text className="pj-rows__label">{r.label}</Text>
          <Text className={`pj-rows__value ${r.value ? '' : 'pj-rows__value--empty'}`}>{r.value || '未填写'}</Text>
        </View>
      ))}
    </View>
  );
}

/** A part of a page: a heading, an optional hint from the policy, then its fields. */
export function Part({
  id,
  title,
  hint,
  children,
}: {
  id?: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <View className="pj-part" id={id}>
      <Text className="pj-part__title">{title}</Text>
      {hint ? <Text className="pj-part__hint">{hint}</Text> : null}
      {children}
    </View>
  );
}
