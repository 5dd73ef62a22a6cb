package cn.rtms.demo;

import java.util.List;
import java.util.Map;

import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.experts.ExpertPool;
import cn.rtms.experts.ExpertProfileCommand;
import cn.rtms.experts.PoolExpert;
import cn.rtms.identity.IdentityManagement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the demo experts (expert1, expert2) in the provincial expert pool (220000) with
 * every catalogue technology as specialty and an employer outside the platform, once
 * (docs/experts.md), so that the demo filings can be assigned to them. Run by
 * {@link DemoUsers} right after the accounts, before the demo filings.
 */
@Component
@ConditionalOnProperty(name = "rtms.demo-data.enabled", havingValue = "true")
class DemoExperts {

	static final String POOL = "220000";

	static final Map<String, String> EMPLOYERS = Map.of("expert1", "吉林大学第一医院", "expert2", "吉林大学中日联谊医院");

	private final ExpertPool pool;

	private final CatalogManagement catalog;

	private final IdentityManagement identity;

	private final TransactionTemplate transactions;

	DemoExperts(ExpertPool pool, CatalogManagement catalog, IdentityManagement identity,
			TransactionTemplate transactions) {
		this.pool = pool;
		this.catalog = catalog;
		this.identity = identity;
		this.transactions = transactions;
	}

	void placeDemoExperts() {
		List<String> specialties = this.catalog.technologies()
			.stream()
			.map(RestrictedTechnology::code)
			.limit(30)
			.toList();
		this.identity.asSystem(() -> this.transactions.execute(status -> {
			for (PoolExpert expert : this.pool.list()) {
				String employer = EMPLOYERS.get(expert.username());
				if (employer != null && !expert.inPool()) {
					this.pool.save(expert.id(),
							new ExpertProfileCommand(POOL, specialties, null, employer, true, null));
				}
			}
			return null;
		}));
	}

}
