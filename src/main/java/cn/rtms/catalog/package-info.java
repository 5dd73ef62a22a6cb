/**
 * The catalogue of restricted technologies (national 2022 G01–G12, Jilin provincial
 * S01–S05) with their level, catalogue edition, history and status (规范已录入 / 规范未录入). Does
 * not own the specifications themselves (see rules). Also holds the platform's code
 * dictionary ({@link cn.rtms.catalog.CodeDictionary}, {@code GET /api/dictionary}): the
 * Chinese label of every code that can reach the screen, see docs/dictionary.md.
 * Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.catalog;
