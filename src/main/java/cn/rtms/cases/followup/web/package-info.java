/**
 * Follow-ups over HTTP (docs/follow-ups.md).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.followup.web;
