/**
 * HTTP endpoints of the trainee file: {@code /api/trainees},
 * {@code /api/training-exemptions}, {@code /api/overseas-trainings}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.training.trainee.web;
