/**
 * HTTP endpoints of the case import and export ({@code /api/case-imports/**}).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.imports.web;
