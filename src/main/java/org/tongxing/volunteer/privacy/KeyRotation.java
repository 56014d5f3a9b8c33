package org.tongxing.volunteer.privacy;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.volunteer.domain.PersonalDataProtection;
import org.tongxing.volunteer.domain.PersonalField;

/**
 * Re-encrypts personal data after a key rotation: every ID number, phone and guardian's
 * phone encrypted under an older key version than the current one is decrypted and
 * encrypted again with the current key, in batches of {@value #BATCH} rows, each batch in
 * its own transaction with its rows locked (rows locked by someone else are left for the
 * next run). Runs on one node at a time (ShedLock), a while after start-up and then every
 * {@code tongxing.volunteer.key-rotation.interval} (default 6 hours). Keyed hashes are
 * not touched: they do not depend on the encryption keys. A value whose key version is no
 * longer configured cannot be read, is left as it is and counted; the log names only the
 * row's id.
 */
@Component
class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final PersonalDataProtection protection;

	private final TransactionTemplate transactions;

	KeyRotation(JdbcClient jdbc, PersonalDataProtection protection, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.protection = protection;
		this.transactions = transactions;
	}

	@Scheduled(initialDelayString = "${tongxing.volunteer.key-rotation.initial-delay:PT2M}",
			fixedDelayString = "${tongxing.volunteer.key-rotation.interval:PT6H}")
	@SchedulerLock(name = "personal-data-key-rotation", lockAtMostFor = "PT2H")
	public void scheduled() {
		Result result = rotateAll();
		if (result.rotated() > 0 || result.unreadable() > 0) {
			log.info("Re-encrypted the personal data of {} volunteers with key version {}; {} unreadable",
					result.rotated(), this.protection.currentVersion(), result.unreadable());
		}
	}

	/** Re-encrypts every value under an older key; returns how many rows changed. */
	Result rotateAll() {
		long after = 0;
		int rotated = 0;
		int unreadable = 0;
		while (true) {
			long from = after;
			Batch batch = this.transactions.execute((status) -> rotateBatch(from));
			if (batch == null || batch.lastId() < 0) {
				return new Result(rotated, unreadable);
			}
			rotated += batch.rotated();
			unreadable += batch.unreadable();
			after = batch.lastId();
		}
	}

	private Batch rotateBatch(long after) {
		String current = "v" + this.protection.currentVersion() + ":%";
		List<Row> rows = this.jdbc.sql("""
				select id, id_number_cipher, phone_cipher, guardian_phone_cipher from volunteer
				where id > :after
				  and (id_number_cipher not like :current or phone_cipher not like :current
				       or guardian_phone_cipher not like :current)
				order by id limit :batch
				for update skip locked
				""")
			.param("after", after)
			.param("current", current)
			.param("batch", BATCH)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("id_number_cipher"), rs.getString("phone_cipher"),
					rs.getString("guardian_phone_cipher")))
			.list();
		if (rows.isEmpty()) {
			return new Batch(-1, 0, 0);
		}
		int rotated = 0;
		int unreadable = 0;
		for (Row row : rows) {
			try {
				this.jdbc.sql("""
						update volunteer set id_number_cipher = :idNumber, phone_cipher = :phone,
						       guardian_phone_cipher = :guardianPhone
						where id = :id
						""")
					.param("idNumber", rotate(PersonalField.ID_NUMBER, row.idNumber()))
					.param("phone", rotate(PersonalField.PHONE, row.phone()))
					.param("guardianPhone", rotate(PersonalField.GUARDIAN_PHONE, row.guardianPhone()))
					.param("id", row.id())
					.update();
				rotated++;
			}
			catch (IllegalStateException ex) {
				// an unknown key version or a damaged value: keep it, tell the operator
				// which row
				log.warn("Cannot re-encrypt the personal data of volunteer {}: {}", row.id(), ex.getMessage());
				unreadable++;
			}
		}
		return new Batch(rows.get(rows.size() - 1).id(), rotated, unreadable);
	}

	private String rotate(PersonalField field, String sealed) {
		if (!this.protection.needsRotation(sealed)) {
			return sealed;
		}
		return this.protection.encrypt(field, this.protection.decrypt(field, sealed));
	}

	record Result(int rotated, int unreadable) {
	}

	private record Batch(long lastId, int rotated, int unreadable) {
	}

	private record Row(long id, String idNumber, String phone, String guardianPhone) {
	}

}
