import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface CardProps {
  title?: ReactNode;
  extra?: ReactNode;
  id?: string;
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
}

/** A white rounded block on the grey page. */
export function Card({ title, extra, id, className, onClick, children }: CardProps) {
  return (
    <View id={id} className={`ui-card ${onClick ? 'ui-card--tappable' : ''} ${className ?? ''}`} onClick={onClick}>
      {title !== undefined || extra !== undefined ? (
        <View className="ui-card__head">
          <Text className="ui-card__title">{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  );
}
