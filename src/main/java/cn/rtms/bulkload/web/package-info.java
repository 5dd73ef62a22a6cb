/**
 * HTTP endpoints of the bulk load ({@code /api/bulk-load/**}).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.bulkload.web;
