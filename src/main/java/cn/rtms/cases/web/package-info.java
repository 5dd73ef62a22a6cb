/**
 * HTTP endpoints of the case registry: /api/cases, /api/case-forms and /api/devices/read
 * (docs/cases.md).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.web;
