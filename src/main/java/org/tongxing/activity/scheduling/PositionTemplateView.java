package org.tongxing.activity.scheduling;

import java.util.Set;

import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.organisation.UnitId;

/**
 * A unit's reusable position (guide, cashier, lecturer, ...), stamped onto sessions as
 * {@link PositionDetails}.
 */
public record PositionTemplateView(long id, UnitId unit, String name, String description, int capacity,
		Approval approval, Integer minAge, Set<String> skills, Set<String> languages, Set<String> qualifications) {

	public PositionDetails details() {
		return new PositionDetails(this.name, this.description, this.capacity, this.approval, this.minAge, this.skills,
				this.languages, this.qualifications);
	}

}
