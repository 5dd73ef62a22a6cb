/**
 * The regional expert pools (专家库) and expert assignment (docs/experts.md): each expert
 * account of identity with a pool region (province or city tier) gets a profile here —
 * specialties (catalogue technology codes), employer (a platform institution or free
 * text) and an active flag — managed by the authorities whose jurisdiction covers the
 * region ({@link cn.rtms.experts.ExpertPool}). {@link cn.rtms.experts.ExpertAssignment}
 * offers an assigning authority the candidates of its own pool, the pools above it and
 * those below it ranked by specialty match, draws N matching experts at random with a
 * recorded, re-computable seed, and refuses (recusal) any expert employed by the
 * institution under review; filing and training-base review call it. It does not own the
 * accounts (identity) nor the reviews (filing, training). Owns schema {@code experts};
 * every change and draw is audited. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "catalog", "audit", "web" })
@org.jspecify.annotations.NullMarked
package cn.rtms.experts;
