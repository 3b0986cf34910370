/**
 * The World of a crash test's child process (ratingCrash-writer, surveyCrash-writer): the local cloud on
 * the data directory given with the real functions (worldOn), and a clock that starts at `startMs` and
 * moves one second a call (as world.ts does) until `stopTicking()`; from then on it stands still.
 */
import { createLocalCloud } from '@shishi/local-cloud';
import { collections } from '@shishi/shared-types';
import { worldOn } from './world';

export function crashWorld(dataDir: string, startMs: number) {
  let clock = startMs;
  let ticking = true;
  const now = () => clock;
  const cloud = createLocalCloud({ dataDir, collections, now });
  const world = worldOn(cloud, {
    now,
    set: (ms) => (clock = ms),
    tick: () => {
      if (ticking) clock += 1000;
    },
    close: () => cloud.local.close(),
  });
  const stopTicking = () => {
    ticking = false;
  };
  return { cloud, db: cloud.database(), world, now, stopTicking };
}
