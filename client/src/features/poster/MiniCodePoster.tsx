/**
 * weapp: a poster around a 小程序码 — the red band with the kicker and title, the code, what to do, the
 * facts — shown on the page as it will print, with 保存到相册 (the same layout drawn into one image,
 * saveToAlbum.ts) and 查看大图 (long-press there to save or forward the code). Used by the survey share
 * page (survey.poster) and the check-in posters (checkin.code, checkin.summary with `poster`); the H5
 * builds draw the same layout with a QR code of the H5 link (utils/poster.h5.ts).
 *
 * Saving is a privacy call: the component that shows this renders the page's PrivacyPrompt (one per
 * page, client/src/privacy.ts).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { AppButton } from '../../components';
import type { PosterText } from './layout';
import { savePosterToAlbum } from './saveToAlbum';
import './poster.scss';

export interface MiniCodePosterProps extends PosterText {
  /** Element ids start with it: `<id>-poster`, `<id>-minicode`, `<id>-save`. */
  id: string;
  miniCodeUrl: string;
}

export function MiniCodePoster({ id, miniCodeUrl, ...text }: MiniCodePosterProps) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await savePosterToAlbum(text, miniCodeUrl);
    } finally {
      setSaving(false);
    }
  };
  const preview = () => void Taro.previewImage({ urls: [miniCodeUrl] }).catch(() => undefined);
  return (
    <View className="mc">
      <View className="mc-poster" id={`${id}-poster`}>
        <View className="mc-poster__band">
          <Text className="mc-poster__kicker">{text.kicker}</Text>
          <Text className="mc-poster__title">{text.title}</Text>
        </View>
        <Image
          className="mc-poster__code"
          id={`${id}-minicode`}
          src={miniCodeUrl}
          mode="aspectFit"
          showMenuByLongpress
          onClick={preview}
        />
        <Text className="mc-poster__action">{text.action}</Text>
        <Text className="mc-poster__hint">{text.actionHint}</Text>
        {text.lines.map((l) => (
          <Text className="mc-poster__line" key={l}>
            {l}
          </Text>
        ))}
      </View>
      <AppButton
        id={`${id}-save`}
        kind="primary"
        block
        loading={saving}
        busyText="正在保存…"
        onClick={() => void save()}
      >
        保存到相册
      </AppButton>
      <AppButton block onClick={preview}>
        查看大图（长按可保存、转发）
      </AppButton>
    </View>
  );
}
