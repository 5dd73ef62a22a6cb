package cn.rtms.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sessions of one account across all nodes: Spring Session JDBC indexes each session
 * by the account id ({@link FindByIndexNameSessionRepository#PRINCIPAL_NAME_INDEX_NAME},
 * set at login by {@link Sessions}), so a password change or reset can end the account's
 * other sessions wherever they were opened, and a lockout by wrong old passwords all of
 * them. Without a session repository (the command mode has no web server) there is
 * nothing to end.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
		this.repository = repository;
	}

	/**
	 * @param accountId an account
	 * @return the name its sessions are indexed by
	 */
	static String principalName(UUID accountId) {
		return accountId.toString();
	}

	/**
	 * Ends every session of the account except the current request's own, once the
	 * current transaction has committed (at once without a transaction).
	 * @param accountId the account
	 */
	void endOthers(UUID accountId) {
		String keep = currentSessionId();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					end(accountId, keep);
				}

			});
		}
		else {
			end(accountId, keep);
		}
	}

	/**
	 * Ends every session of the account at once, the current request's own included (it
	 * is invalidated, so the response does not store it again).
	 * @param accountId the account
	 */
	void endAll(UUID accountId) {
		end(accountId, currentSessionId());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		SecurityContextHolder.clearContext();
	}

	private void end(UUID accountId, @Nullable String keep) {
		FindByIndexNameSessionRepository<?> sessions = this.repository.getIfAvailable();
		if (sessions == null) {
			return;
		}
		Set<String> ids = sessions.findByPrincipalName(principalName(accountId)).keySet();
		int ended = 0;
		for (String id : ids) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		if (ended > 0) {
			log.info("账号 {} 的其他 {} 个会话已结束", accountId, ended);
		}
	}

	private static @Nullable String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session != null ? session.getId() : null;
		}
		return null;
	}

}
