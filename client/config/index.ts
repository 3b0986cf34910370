import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * `@shishi/shared-types` is TypeScript source outside `src/`: Taro's script rule only compiles `src/`,
 * so the package is added to `compile.include` (both the workspace folder and its node_modules link,
 * whichever path webpack resolves to).
 */
const sharedTypes = [
  path.resolve(__dirname, '../../shared-types'),
  path.resolve(__dirname, '../../node_modules/@shishi/shared-types'),
];

/**
 * zod (via shared-types) ships ES2020 syntax (`?.`, `??`); the mini-program build runs it through
 * babel too, so older WeChat JS engines get the syntax they know.
 */
const modernDependencies = [(filename: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(filename)];

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shishi',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // @tarojs/cli registers the react framework plugin and the weapp / h5 platform plugins itself
    // from `framework` and `--type`; listing them here again would register them twice.
    plugins: [],
    defineConstants: {},
    // The project page's default share card (weapp onShareAppMessage / onShareTimeline): copied into the
    // project subpackage, not imported (an imported image lands in the main package's static folder).
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [{ from: 'src/packages/project/assets/', to: 'dist/weapp/packages/project/assets/' }]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    alias: { '@': path.resolve(__dirname, '../src') },
    mini: {
      compile: { include: [...sharedTypes, ...modernDependencies] },
      // Feature stylesheets use their own class names, so the order pages pull them into the common
      // chunk does not matter (as on H5 below); without this every new page logs order warnings.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: sharedTypes },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Taro splits H5 chunks for initial loads only; pages load asynchronously, so without these
      // groups each page chunk would carry its own copy of zod, dayjs, shared-types, the H5 Taro
      // components and our own shared components.
      webpackChain(chain) {
        chain.merge({
          optimization: {
            splitChunks: {
              cacheGroups: {
                shared: {
                  name: 'shared',
                  chunks: 'all',
                  test: /[\\/]node_modules[\\/](zod|dayjs)[\\/]|[\\/]shared-types[\\/]/,
                  priority: 50,
                  enforce: true,
                },
                asyncVendors: {
                  name: 'async-vendors',
                  chunks: 'async',
                  minChunks: 2,
                  test: /[\\/]node_modules[\\/]/,
                  priority: 45,
                  enforce: true,
                },
                common: {
                  name: 'common',
                  chunks: 'async',
                  minChunks: 2,
                  test: /[\\/]client[\\/]src[\\/]/,
                  priority: 40,
                  enforce: true,
                },
              },
            },
          },
        });
      },
      postcss: {
        // rem base follows the screen width up to 24px, so desktop browsers get phone-like text sizes.
        // The H5-only rules for Taro's own chrome (tab bar, navigation bar) and the desktop layout are in CSS px
        // (prettier writes PX as px, which pxtransform would halve): those selectors are left as written.
        pxtransform: {
          enable: true,
          config: {
            maxRootSize: 24,
            selectorBlackList: [/weui-tabbar__label/, /taro-navigation-bar/, /taro_page\[/, /^body:has/],
          },
        },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
