/**
 * Messages zod writes itself (where a schema sets none, e.g. an unexpected key) reach people too, on
 * the phone and in `error.message`: they must be Chinese on both sides (DESIGN.md §4).
 *
 * `z.locales` is zod's barrel of every language (~260 KB minified). The cloud functions' build
 * (cloudfunctions/build.mjs, zodLocales) replaces that barrel by zh-CN and en only, so this line costs
 * the functions one locale; a subpath import of zh-CN alone is not possible here: zod ships the locale
 * files as ESM `.js` / CJS `.cjs` under one export pattern that Node's `require` (jest) does not resolve.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
