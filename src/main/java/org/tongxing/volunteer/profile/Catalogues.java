package org.tongxing.volunteer.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;

/**
 * The skill and qualification catalogues. Anyone reads them; only coordinators add,
 * rename, deactivate and reactivate entries (403 otherwise), each change audited. Codes
 * are unique per catalogue (the database's unique index decides a race) and never change,
 * because volunteers' records and filters refer to them; a deactivated entry is no longer
 * offered but stays on the records that hold it.
 */
@Service
class Catalogues {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	Catalogues(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** Every entry, active ones first, by code. */
	@Transactional(readOnly = true)
	List<CatalogueEntry> list(CatalogueKind kind) {
		return this.jdbc
			.sql("select id, code, name, name_en, active from " + kind.table() + " order by active desc, code")
			.query(CatalogueEntry.class)
			.list();
	}

	/** The entries a volunteer may choose now. */
	@Transactional(readOnly = true)
	List<CatalogueEntry> active(CatalogueKind kind) {
		return list(kind).stream().filter(CatalogueEntry::active).toList();
	}

	@Transactional(readOnly = true)
	Map<Long, CatalogueEntry> byId(CatalogueKind kind) {
		Map<Long, CatalogueEntry> entries = new LinkedHashMap<>();
		list(kind).forEach((entry) -> entries.put(entry.id(), entry));
		return entries;
	}

	@Transactional(readOnly = true)
	Optional<CatalogueEntry> find(CatalogueKind kind, long id) {
		return this.jdbc.sql("select id, code, name, name_en, active from " + kind.table() + " where id = :id")
			.param("id", id)
			.query(CatalogueEntry.class)
			.optional();
	}

	/**
	 * Adds an active entry.
	 * @throws DuplicateCodeException when the code is taken
	 */
	@Transactional
	long add(UnitScope scope, CatalogueKind kind, String code, String name, String nameEn) {
		scope.requireCoordinator();
		long id;
		try {
			id = this.jdbc
				.sql("insert into " + kind.table()
						+ " (code, name, name_en) values (:code, :name, :nameEn) returning id")
				.param("code", code.strip())
				.param("name", name.strip())
				.param("nameEn", blankToNull(nameEn))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateCodeException();
		}
		this.auditLog.record(kind.auditType(), id, "created", null, state(find(kind, id).orElseThrow()));
		return id;
	}

	/** Changes the Chinese and English names of an entry. */
	@Transactional
	void rename(UnitScope scope, CatalogueKind kind, long id, String name, String nameEn) {
		scope.requireCoordinator();
		CatalogueEntry before = lock(kind, id);
		this.jdbc.sql("update " + kind.table() + " set name = :name, name_en = :nameEn where id = :id")
			.param("name", name.strip())
			.param("nameEn", blankToNull(nameEn))
			.param("id", id)
			.update();
		this.auditLog.record(kind.auditType(), id, "renamed", state(before), state(find(kind, id).orElseThrow()));
	}

	/** Offers an entry again, or no longer. */
	@Transactional
	void setActive(UnitScope scope, CatalogueKind kind, long id, boolean active) {
		scope.requireCoordinator();
		CatalogueEntry before = lock(kind, id);
		if (before.active() == active) {
			return;
		}
		this.jdbc.sql("update " + kind.table() + " set active = :active where id = :id")
			.param("active", active)
			.param("id", id)
			.update();
		this.auditLog.record(kind.auditType(), id, active ? "reactivated" : "deactivated", state(before),
				state(find(kind, id).orElseThrow()));
	}

	private CatalogueEntry lock(CatalogueKind kind, long id) {
		return this.jdbc
			.sql("select id, code, name, name_en, active from " + kind.table() + " where id = :id for update")
			.param("id", id)
			.query(CatalogueEntry.class)
			.optional()
			.orElseThrow(CatalogueEntryNotFoundException::new);
	}

	private static Map<String, Object> state(CatalogueEntry entry) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", entry.code());
		state.put("name", entry.name());
		state.put("nameEn", entry.nameEn());
		state.put("active", entry.active());
		return state;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
