/**
 * The Authorization aggregate, its states and transitions; plain Java.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.authorization.domain;
