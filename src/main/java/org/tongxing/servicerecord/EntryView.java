package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tongxing.activity.ActivityId;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.VolunteerId;

/**
 * A service entry with the national record's fields. For a correction, {@code hours} is
 * what it adds (negative to take away) and {@code correctsId} the entry it corrects; the
 * other fields are the corrected values. {@code hoursRule} and its arguments say how the
 * hours were made (a message key of the servicerecord bundle).
 */
public record EntryView(long id, VolunteerId volunteer, EntryKind kind, Long correctsId, SessionId session,
		ActivityId activity, String activityName, LocalDate serviceDate, String place, String content, BigDecimal hours,
		String hoursRule, List<String> hoursRuleArguments, UnitId organisingUnit, String organisingUnitName,
		String leadName, UnitId recordingUnit, String recordingUnitName, String reason, Long evidenceFileId,
		EntryStatus status, LocalDate dueOn, Instant recordedAt, Long recordedBy, Instant decidedAt, Long decidedBy,
		String decisionNote) {

	/**
	 * The arguments of {@code hoursRule}'s message, some of them resolvable messages
	 * themselves (the buckets in words, see {@link HoursPolicy#ruleArguments}): pass them
	 * to a {@code MessageSource} or Thymeleaf's {@code #messages}, not to a bare
	 * {@code MessageFormat}.
	 */
	public Object[] hoursRuleArgumentArray() {
		return HoursPolicy.ruleArguments(this.hoursRule, this.hoursRuleArguments);
	}

	public boolean isPending() {
		return this.status == EntryStatus.PENDING;
	}

	/** Pending past its last day to be confirmed. */
	public boolean isOverdueOn(LocalDate today) {
		return isPending() && today.isAfter(this.dueOn);
	}

}
