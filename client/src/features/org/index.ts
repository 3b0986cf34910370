export { GrassrootsPicker } from './components/GrassrootsPicker';
export { groupGrassroots, searchGrassroots, type GrassrootsGroup } from './grouping';
