import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface CellProps {
  title: ReactNode;
  /** Second line under the title. */
  description?: ReactNode;
  /** Right-hand value. */
  value?: ReactNode;
  /** Show the › arrow (defaults to true when tappable). */
  arrow?: boolean;
  id?: string;
  onClick?: () => void;
}

/** One row of a WeChat-style list: title (and description) on the left, value and › on the right. */
export function Cell({ title, description, value, arrow, id, onClick }: CellProps) {
  const showArrow = arrow ?? onClick !== undefined;
  return (
    <View id={id} className={`ui-cell ${onClick ? 'ui-cell--tappable' : ''}`} onClick={onClick}>
      <View className="ui-cell__body">
        <Text className="ui-cell__title">{title}</Text>
        {description !== undefined ? <Text className="ui-cell__desc">{description}</Text> : null}
      </View>
      {value !== undefined ? <View className="ui-cell__value">{value}</View> : null}
      {showArrow ? <Text className="ui-cell__arrow">›</Text> : null}
    </View>
  );
}

/** White group of cells with hairlines between them. */
export function CellGroup({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className="ui-cell-group-wrap">
      {title ? <Text className="ui-cell-group__title">{title}</Text> : null}
      <View className="ui-cell-group">{children}</View>
    </View>
  );
}
