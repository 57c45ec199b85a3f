// The themes engine's public face: grouping, labels, entities, briefings and their rendering. Pure: takes
// plain values, never touches SQLite or the file system. Implementation lives in the small modules below.
export type { ThemeGroup, ThemeInput, ThemeOptions } from './types.ts';
export { buildThemes } from './build-themes.ts';
export { buildBriefing } from './briefing.ts';
export { extractEntities, countEntities, type EntityMention, type EntityCount } from './entities.ts';
export { sentenceSpans } from './key-points.ts';
export { createThemeState, placeArticle, themesOfState, type ThemeState, type StateTheme, type Placement } from './incremental.ts';
export { renderBriefingMarkdown, renderBriefingHtml, type BriefingNotes } from './render.ts';
export { applyCuration, type Curation, type CuratedGroup, type Relabel } from './curation.ts';
export type { BuildOptions } from './build-themes.ts';
