/**
 * HTTP API of the quality-control indicators: the dictionary, results and drill-down
 * (docs/indicators.md).
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.indicators.web;
