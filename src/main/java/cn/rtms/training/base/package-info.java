/**
 * Training bases (培训基地, docs/training.md, ADR 0033): the application per institution ×
 * technology with its instructors, the engine's verdict with only those instructors
 * counted, the province's workflow ({@link cn.rtms.training.base.BaseAction}), the public
 * list and the revocation proposals of {@link cn.rtms.training.base.TrainingBaseRecheck}.
 */
@org.springframework.modulith.NamedInterface("base")
@org.jspecify.annotations.NullMarked
package cn.rtms.training.base;
