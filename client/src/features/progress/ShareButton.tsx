import { Button } from '@tarojs/components';

/** weapp: 分享 opens WeChat's share panel (the page's onShareAppMessage gives the card). */
export function ShareButton(_props: { projectId: string }) {
  return (
    <Button
      className="ui-btn ui-btn--default ui-btn--block"
      id="project-share"
      openType="share"
      hoverClass="ui-btn--active"
    >
      分享给同事
    </Button>
  );
}
