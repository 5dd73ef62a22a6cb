/**
 * JdbcClient persistence of case reports, devices and amendments in schema {@code cases}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.cases.persistence;
