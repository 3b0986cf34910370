/**
 * A rating summary as figures: for each dimension the mean (with the words of the nearest score) and
 * a bar split by how many gave each score 1–5, the counts written under it.
 */
import { View, Text } from '@tarojs/components';
import type { RatingDimensionStats } from '@shishi/shared-types/src/contracts/rating';
import { meanText } from './labels';

export function RatingFigures({
  dimensions,
  idPrefix,
}: {
  dimensions: RatingDimensionStats[];
  /** Each dimension's block is `#<idPrefix>-<dimension>`, its mean `#<idPrefix>-<dimension>-mean`. */
  idPrefix: string;
}) {
  return (
    <View className="rt-figures">
      {dimensions.map((d) => {
        const total = d.distribution.reduce((sum, n) => sum + n, 0);
        return (
          <View key={d.dimension} className="rt-dim" id={`${idPrefix}-${d.dimension}`}>
            <View className="rt-dim__head">
              <Text className="rt-dim__label">{d.label}</Text>
              <Text className="rt-dim__mean" id={`${idPrefix}-${d.dimension}-mean`}>
                {meanText(d.dimension, d.mean)}
              </Text>
            </View>
            <View className="rt-dist">
              {d.distribution.map((n, i) =>
                n > 0 ? (
                  <View
                    key={i}
                    className={`rt-dist__part rt-dist__part--${i + 1}`}
                    style={{ width: `${(n * 100) / total}%` }}
                  />
                ) : null,
              )}
            </View>
            <Text className="rt-dist__legend">{d.distribution.map((n, i) => `${i + 1}分 ${n}人`).join(' · ')}</Text>
          </View>
        );
      })}
    </View>
  );
}
