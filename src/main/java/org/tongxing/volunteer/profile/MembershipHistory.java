package org.tongxing.volunteer.profile;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.domain.MembershipRepository;

/**
 * A volunteer's unit memberships, newest first, with their units: for the volunteer's own
 * page, the transfer page and the admins' volunteer page (render them with the fragment
 * {@code volunteer/profile/history :: entries(history)} inside an {@code
 *
<ol>
 * }). The caller has checked that its viewer may see the volunteer; the names of the
 * units a volunteer belonged to are shown whatever the viewer's scope.
 */
@Component
public class MembershipHistory {

	/**
	 * Unit names of one's own memberships are read with a read-only scope of every unit.
	 */
	private static final UnitScope READ_ONLY = UnitScope.everything(false);

	private final MembershipRepository memberships;

	private final Units units;

	MembershipHistory(MembershipRepository memberships, Units units) {
		this.memberships = memberships;
		this.units = units;
	}

	@Transactional(readOnly = true)
	public List<MembershipEntry> of(VolunteerId id) {
		return this.memberships.history(id.value())
			.stream()
			.map((membership) -> new MembershipEntry(this.units.get(READ_ONLY, membership.unitId()),
					membership.validFrom(), membership.validTo(), membership.note(), membership.country(),
					membership.city(), membership.timeZone()))
			.toList();
	}

}
