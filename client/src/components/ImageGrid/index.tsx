import { View, Text, Image } from '@tarojs/components';
import './index.scss';

export interface GridImage {
  key: string;
  /** What to show: a local temp path while uploading, or a URL. */
  src: string;
  uploading?: boolean;
}

interface ImageGridProps {
  images: readonly GridImage[];
  /** Tap on a thumbnail: usually `Taro.previewImage`. */
  onPreview?: (index: number) => void;
  /** Shows a 删除 corner on each thumbnail. */
  onRemove?: (index: number) => void;
  /** Shows the 添加 tile while fewer than `max` images are there. */
  onAdd?: () => void;
  max?: number;
  /** The grid gets this id, thumbnails `<id>-item`, the add tile `<id>-add`, remove corners `<id>-remove-<i>`. */
  id: string;
  addLabel?: string;
}

/** Thumbnails three to a row, as WeChat shows photos; optionally with add and remove. */
export function ImageGrid({ images, onPreview, onRemove, onAdd, max = 9, id, addLabel = '添加图片' }: ImageGridProps) {
  return (
    <View className="ui-images" id={id}>
      {images.map((image, index) => (
        <View key={image.key} className={`ui-images__item ${id}-item`}>
          <Image
            className="ui-images__img"
            src={image.src}
            mode="aspectFill"
            onClick={onPreview ? () => onPreview(index) : undefined}
          />
          {image.uploading ? (
            <View className="ui-images__uploading">
              <Text>上传中…</Text>
            </View>
          ) : null}
          {onRemove ? (
            <View className="ui-images__remove" id={`${id}-remove-${index}`} onClick={() => onRemove(index)}>
              <Text>删除</Text>
            </View>
          ) : null}
        </View>
      ))}
      {onAdd && images.length < max ? (
        <View className="ui-images__item ui-images__add" id={`${id}-add`} onClick={onAdd}>
          <Text className="ui-images__plus">+</Text>
          <Text className="ui-images__add-label">{addLabel}</Text>
        </View>
      ) : null}
    </View>
  );
}
