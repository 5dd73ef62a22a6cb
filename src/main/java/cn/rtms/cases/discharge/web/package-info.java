/**
 * HTTP of the discharge scan: {@code POST /api/discharge-records},
 * {@code GET /api/discharge-scan}, {@code GET /api/discharge-scan/items}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.discharge.web;
