/**
 * Follow-ups of submitted cases (issue 8 item 4, docs/follow-ups.md): the schedule from
 * the operation date and the technology's case form, due and overdue lists in the
 * viewer's scope, follow-up records, and cancellation after a recorded death.
 */
@org.springframework.modulith.NamedInterface("followup")
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.followup;
