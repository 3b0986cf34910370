import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { config } from '../../config';

/**
 * The native spinner only on weapp: on H5 the button is a custom element that inserts its spinner
 * into the same children React manages, which breaks React's updates. There the text says it instead.
 */
const nativeLoading = config.platform === 'weapp';

interface AppButtonProps {
  kind?: 'primary' | 'default' | 'plain';
  block?: boolean;
  loading?: boolean;
  /** Said instead of the children while `loading`, e.g. 正在提交…. */
  busyText?: string;
  disabled?: boolean;
  id?: string;
  className?: string;
  onClick?: () => void;
  children: ReactNode;
}

/** Taro <Button> in our look (styles in app.scss): union red for the one primary action of a page. */
export function AppButton({
  kind = 'default',
  block,
  loading,
  busyText,
  disabled,
  id,
  className,
  onClick,
  children,
}: AppButtonProps) {
  return (
    <Button
      id={id}
      className={`ui-btn ui-btn--${kind} ${block ? 'ui-btn--block' : ''} ${disabled || loading ? 'ui-btn--disabled' : ''} ${className ?? ''}`}
      hoverClass="ui-btn--active"
      loading={nativeLoading ? loading : undefined}
      // undefined rather than false: Taro H5 would write disabled="false", which CSS reads as disabled.
      disabled={disabled || loading ? true : undefined}
      onClick={disabled || loading ? undefined : onClick}
    >
      {loading && busyText !== undefined ? busyText : children}
    </Button>
  );
}
