import { Text } from '@tarojs/components';

export default function Index() {
  return <Text>hello</Text>;
}
