package org.tongxing.account.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import org.tongxing.account.domain.AuditEntries;

/**
 * The audit log's filter, bound from the query string so that a filtered view has a URL.
 */
class AuditFilterForm {

	private String entityType;

	private String entityId;

	private String actor;

	private String action;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private int page;

	AuditEntries.Filter filter() {
		return new AuditEntries.Filter(this.entityType, this.entityId, this.actor, this.action, this.from, this.to);
	}

	public String getEntityType() {
		return this.entityType;
	}

	public void setEntityType(String entityType) {
		this.entityType = entityType;
	}

	public String getEntityId() {
		return this.entityId;
	}

	public void setEntityId(String entityId) {
		this.entityId = entityId;
	}

	public String getActor() {
		return this.actor;
	}

	public void setActor(String actor) {
		this.actor = actor;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = Math.max(0, page);
	}

}
