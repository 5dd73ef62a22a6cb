/**
 * Training (培训管理, issue 11, docs/training.md): training bases (培训基地) that apply per
 * technology, are checked by the rules engine against the spec's training-base clauses
 * and filed by the province; their instructors (指导医师); and the trainee file (学员培训档案) —
 * enrolment, case log, exams, completion verdict, exemptions (免于培训), overseas training
 * and the certificate — which is what a physician's "trained at a filed base" clause
 * reads. Owns the {@code training} schema; refers to institutions and people by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "rules", "institutions", "personnel", "catalog",
		"identity", "audit", "platform", "web", "notifications", "experts" })
@org.jspecify.annotations.NullMarked
package cn.rtms.training;
