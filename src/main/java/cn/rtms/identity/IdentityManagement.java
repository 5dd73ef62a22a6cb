package cn.rtms.identity;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import cn.rtms.platform.ClientAddress;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is calling: the logged-in user of the current request (or of a system task run
 * through {@link #asSystem}), and the caller's address for audit.
 */
@Service
public class IdentityManagement {

	/** The id of the built-in system principal used by {@link #asSystem}. */
	public static final java.util.UUID SYSTEM_ID = new java.util.UUID(0, 0);

	private final ClientAddress clientAddress;

	IdentityManagement(ClientAddress clientAddress) {
		this.clientAddress = clientAddress;
	}

	static final CurrentUser SYSTEM = new CurrentUser(SYSTEM_ID, "system", "系统", Role.SYSTEM_ADMIN, null, null, null,
			false);

	/**
	 * @return the logged-in user
	 * @throws NotAuthenticated when nobody is logged in
	 */
	public CurrentUser currentUser() {
		return findCurrentUser().orElseThrow(NotAuthenticated::new);
	}

	/**
	 * @return the logged-in user, empty when nobody is logged in
	 */
	public Optional<CurrentUser> findCurrentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * @return the caller's IP address ({@link ClientAddress}: {@code X-Forwarded-For}
	 * only from a trusted proxy), {@code "system"} outside an HTTP request
	 */
	public String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return this.clientAddress.of(request);
		}
		return "system";
	}

	/**
	 * Runs a task as the built-in system user ({@link Role#SYSTEM_ADMIN} without
	 * institution or region): start-up data loading, scheduled sweeps. The previous
	 * security context is restored afterwards.
	 * @param task the task
	 * @param <T> its result type
	 * @return the task's result
	 */
	public <T> T asSystem(Supplier<T> task) {
		return runAs(SYSTEM, task);
	}

	static <T> T runAs(CurrentUser user, Supplier<T> task) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
				AuthorityUtils.createAuthorityList("ROLE_" + user.role().name())));
		SecurityContextHolder.setContext(context);
		try {
			return task.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * Runs a task as the built-in system user, see {@link #asSystem(Supplier)}.
	 * @param task the task
	 */
	public void asSystem(Runnable task) {
		asSystem(() -> {
			task.run();
			return null;
		});
	}

}
