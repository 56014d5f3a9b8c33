package org.tongxing.account.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions of an account on every node (they live in the database), so that a
 * disabled account or a revoked role takes effect at once rather than at session expiry.
 */
@Component
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public void end(String username) {
		this.sessions.findByPrincipalName(username).keySet().forEach(this.sessions::deleteById);
	}

}
