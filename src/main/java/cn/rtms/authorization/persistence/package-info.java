/**
 * JdbcClient persistence of authorization records in schema {@code authorizations}.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.authorization.persistence;
