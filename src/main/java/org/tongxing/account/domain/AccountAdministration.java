package org.tongxing.account.domain;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.AuditLog;
import org.tongxing.account.Role;

/**
 * What coordinators do to accounts: list and search them, grant and revoke roles, enable
 * and disable. Every change is audited with the state before and after.
 */
@Service
public class AccountAdministration {

	private final AccountRepository accounts;

	private final AuditLog auditLog;

	AccountAdministration(AccountRepository accounts, AuditLog auditLog) {
		this.accounts = accounts;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Page<AccountView> search(String text, Pageable page) {
		return this.accounts.searchPage((text != null) ? text.trim() : "", page).map(Account::view);
	}

	@Transactional(readOnly = true)
	public AccountView get(AccountId id) {
		return load(id).view();
	}

	/**
	 * @throws SelfLockoutException when a coordinator revokes their own coordinator role
	 */
	@Transactional
	public void setRole(AccountId actor, AccountId id, Role role, boolean granted) {
		Account account = lock(id);
		if (!granted && role == Role.COORDINATOR && actor.equals(id)) {
			throw new SelfLockoutException();
		}
		if (account.roles().contains(role) == granted) {
			return;
		}
		Map<String, Object> before = account.auditState();
		if (granted) {
			account.grant(role);
		}
		else {
			account.revoke(role);
		}
		this.accounts.saveAndFlush(account);
		this.auditLog.record("account", id, granted ? "role-granted" : "role-revoked", before, account.auditState());
	}

	/**
	 * @throws SelfLockoutException when a coordinator disables their own account
	 */
	@Transactional
	public void setEnabled(AccountId actor, AccountId id, boolean enabled) {
		Account account = lock(id);
		if (!enabled && actor.equals(id)) {
			throw new SelfLockoutException();
		}
		if (account.enabled() == enabled) {
			return;
		}
		Map<String, Object> before = account.auditState();
		account.enable(enabled);
		this.accounts.saveAndFlush(account);
		this.auditLog.record("account", id, enabled ? "enabled" : "disabled", before, account.auditState());
	}

	private Account load(AccountId id) {
		return this.accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
	}

	private Account lock(AccountId id) {
		return this.accounts.findForUpdate(id.value()).orElseThrow(AccountNotFoundException::new);
	}

}
