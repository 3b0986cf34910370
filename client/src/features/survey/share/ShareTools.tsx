import { View, Text } from '@tarojs/components';
import type { ShareToolsProps } from './shareProps';

/**
 * weapp: the mini-program path of the answering page, to put in an article, a menu or another
 * mini-program (long-press to copy). The poster with a QR code is made in the H5 build
 * (`ShareTools.h5.tsx`); a 小程序码 for this path comes from 微信公众平台.
 */
export function ShareTools({ path }: ShareToolsProps) {
  return (
    <View className="ss-card" id="share-weapp">
      <Text className="ss-card__label">小程序页面路径</Text>
      <Text className="ss-link" id="share-path" userSelect>
        {path}
      </Text>
      <Text className="ss-hint">
        长按上面的路径可以复制。把它放进公众号文章、菜单或其他小程序，职工点开就是这份问卷的填写页。
        需要小程序码时，在微信公众平台 → 工具 → 生成小程序码
        里输入这个路径；也可以在电脑浏览器打开本页，下载带二维码的海报。
      </Text>
    </View>
  );
}
