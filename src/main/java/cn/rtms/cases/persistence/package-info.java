/**
 * JdbcClient persistence of case reports, devices and amendments in schema {@code cases};
 * {@link cn.rtms.cases.persistence.CopyText} writes rows that are new as a rule (an
 * import's cases, their follow-up points) with PostgreSQL's COPY, falling back to the
 * caller's INSERT when a unique index refuses one;
 * {@link cn.rtms.cases.persistence.TimeOrderedIds} gives cases and follow-up points
 * time-ordered ids (ADR 0040), so their indexes grow at the right edge.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.persistence;
