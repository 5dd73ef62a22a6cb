/**
 * The trainee file (学员培训档案, docs/training.md "Trainees", ADR 0032): enrolment at a filed
 * base checked against the spec's 培训对象 clauses, training period and theory hours, the
 * case log with the base's instructors, exams, the base's conclusion, the engine's
 * completion verdict, the certificate and file PDF; overseas trainings and exemption
 * requests decided by the authority; {@code FileTrainingRecords} feeds the eligibility
 * engine through {@code cn.rtms.rules.TrainingRecordSource}.
 */
@org.springframework.modulith.NamedInterface("trainee")
@org.jspecify.annotations.NullMarked
package cn.rtms.training.trainee;
