/**
 * weapp: the mini-program code of the page (wxacode.getUnlimited PNG: checkin.code for a service point,
 * checkin.summary with `poster` for the project) to save and print, with the facts to print beside it; the full poster (title, time, place
 * and the code on one PNG) is made in the H5 build in a desktop browser (PosterTools.h5.tsx).
 */
import { View, Text, Image } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AppButton, Card } from '../../components';
import type { PosterToolsProps } from './posterProps';

export function PosterTools({ title, path, lines, miniCodeUrl }: PosterToolsProps) {
  return (
    <Card title="海报" id="poster-card">
      <Text className="ck-point__name">{title}</Text>
      {lines.map((l) => (
        <Text className="ck-hint" key={l}>
          {l}
        </Text>
      ))}
      {miniCodeUrl ? (
        <View>
          <Image className="ck-poster" id="poster-minicode" src={miniCodeUrl} mode="widthFix" showMenuByLongpress />
          <AppButton block onClick={() => void Taro.previewImage({ urls: [miniCodeUrl] })}>
            查看大图（长按保存）
          </AppButton>
        </View>
      ) : null}
      <Text className="ck-hint">页面路径：{path}</Text>
      <Text className="ck-hint">
        要打印带标题、时间、地点和二维码的整张海报，请在电脑浏览器打开本页，点“下载海报图片”。
      </Text>
    </Card>
  );
}
