// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// A project-wide babel.config.js (not .babelrc) so that it also applies to ../shared-types.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
