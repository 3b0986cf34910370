import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface SheetProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** The sheet gets this id; its close button `<id>-close`. */
  id: string;
  children: ReactNode;
  /** Pinned under the content, e.g. the sheet's one primary button. */
  footer?: ReactNode;
}

/**
 * A panel that slides over the bottom of the page (WeUI half-screen dialog): for a short form that
 * belongs to the page behind it, such as 评分 or 决定. Tapping the grey backdrop closes it.
 * On weapp a <Textarea> inside needs `fixed` (a native textarea in a position:fixed area).
 */
export function Sheet({ open, title, onClose, id, children, footer }: SheetProps) {
  if (!open) return null;
  return (
    <View className="ui-sheet" id={id} catchMove>
      <View className="ui-sheet__mask" onClick={onClose} />
      <View className="ui-sheet__panel">
        <View className="ui-sheet__head">
          <Text className="ui-sheet__title">{title}</Text>
          <View className="ui-sheet__close" id={`${id}-close`} onClick={onClose}>
            <Text>关闭</Text>
          </View>
        </View>
        <View className="ui-sheet__body">{children}</View>
        {footer ? <View className="ui-sheet__footer">{footer}</View> : null}
      </View>
    </View>
  );
}
