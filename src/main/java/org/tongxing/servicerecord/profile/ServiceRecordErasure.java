package org.tongxing.servicerecord.profile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.volunteer.OwnDataEraser;
import org.tongxing.volunteer.VolunteerId;

/**
 * What the service-record module erases when a volunteer is anonymised, inside the
 * anonymisation's transaction: every file uploaded about them (award proofs, evidence of
 * declared hours: the row stays, because confirmed ledger entries and government awards
 * refer to it, but its name and bytes go and {@code erased_at} is set), the texts of
 * complaints and their resolutions, evaluation comments, the reasons given for withdrawn
 * entries, and the check-in points of their attendances.
 *
 * <p>
 * What stays, against the anonymised volunteer: the ledger (《志愿服务记录与证明出具办法》 requires
 * service records to be kept, and confirmed entries never change — the V15 trigger):
 * hours, dates, activity names, service content and place as recorded, and the reasons
 * and notes of declarations and corrections; attendances' times; training (what the
 * training was, not what was said of the person), awards' names and bodies, evaluations'
 * ratings and evaluators, complaints' dates and outcomes. None of it names the person any
 * more once the volunteer record is anonymised. Certificates are erased by the
 * certificate part's own eraser (their PDF and name go, their figures stay).
 */
@Component
class ServiceRecordErasure implements OwnDataEraser {

	private final JdbcClient jdbc;

	ServiceRecordErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Integer> erase(VolunteerId volunteer) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		erased.put("serviceFiles", update("""
				update service_file set file_name = 'erased', size_bytes = 0, content = ''::bytea, erased_at = now()
				where volunteer_id = ? and erased_at is null""", volunteer));
		erased.put("complaintTexts", update("""
				update complaint set content = '', resolution = null
				where volunteer_id = ? and (content <> '' or resolution is not null)""", volunteer));
		erased.put("evaluationComments", update("""
				update evaluation set comment = null where volunteer_id = ? and comment is not null""", volunteer));
		int reasons = 0;
		for (ProfileEntryKind kind : ProfileEntryKind.values()) {
			reasons += update(
					"update " + kind.table()
							+ " set withdraw_reason = null where volunteer_id = ? and withdraw_reason is not null",
					volunteer);
		}
		erased.put("withdrawalReasons", reasons);
		erased.put("checkInPoints", update("""
				update attendance set latitude = null, longitude = null
				where volunteer_id = ? and (latitude is not null or longitude is not null)""", volunteer));
		return erased;
	}

	private int update(String sql, VolunteerId volunteer) {
		return this.jdbc.sql(sql).param(volunteer.value()).update();
	}

}
