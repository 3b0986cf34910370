import type { UserConfigExport } from '@tarojs/cli';
import type { IMiniAppConfig } from '@tarojs/taro/types/compile';

/**
 * Taro's default prints every non-ASCII character of the JS as \uXXXX: each Chinese character then costs
 * 6 bytes instead of its 3 in UTF-8, about 19 KB of the main package. WeChat reads the files as UTF-8
 * (terser still escapes U+2028/2029, which plain strings may not hold in older engines). Only for the
 * mini-program: the H5 build keeps the escapes, whatever charset a server sends its scripts with. Taro
 * merges `mini` into the mini-program build's options, where `terser` is read; its typings list `terser`
 * only at the top level, hence the widened type.
 */
const mini = {
  terser: { enable: true, config: { output: { ascii_only: false } } },
} as IMiniAppConfig<'webpack5'>;

export default {
  mini,
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
