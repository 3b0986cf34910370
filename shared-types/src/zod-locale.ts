/**
 * Messages zod writes itself (where a schema sets none, e.g. an unexpected key) reach people too, on
 * the phone and in `error.message`: they must be Chinese on both sides (DESIGN.md §4).
 */
import { z } from 'zod';

z.config(z.locales.zhCN());
