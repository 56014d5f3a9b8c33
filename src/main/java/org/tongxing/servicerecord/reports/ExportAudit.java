package org.tongxing.servicerecord.reports;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AuditLog;

/** Records an export of personal data (names, numbers) in the audit log. */
@Component
class ExportAudit {

	private final AuditLog audit;

	ExportAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional
	public void record(String what, Map<String, ?> state) {
		this.audit.record(what, UUID.randomUUID().toString(), "exported", null, state);
	}

}
