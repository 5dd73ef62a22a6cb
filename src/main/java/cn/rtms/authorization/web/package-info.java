/**
 * HTTP endpoints of the authorization module: /api/authorizations and /api/reminders.
 */
@org.jspecify.annotations.NullMarked
package cn.rtms.authorization.web;
