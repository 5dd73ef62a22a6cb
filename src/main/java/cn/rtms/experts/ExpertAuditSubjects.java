package cn.rtms.experts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.rtms.audit.AuditSubjects;
import cn.rtms.identity.AuthorityAccounts;

import org.springframework.stereotype.Component;

/** Names experts on the audit page: 姓名（用户名）. */
@Component
class ExpertAuditSubjects implements AuditSubjects {

	private final AuthorityAccounts accounts;

	ExpertAuditSubjects(AuthorityAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public String entityType() {
		return "Expert";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		for (AuthorityAccounts.ExpertAccount account : this.accounts.expertAccounts()) {
			String id = account.id().toString();
			if (ids.contains(id)) {
				names.put(id, account.displayName() + "（" + account.username() + "）");
			}
		}
		return names;
	}

}
