package org.tongxing.servicerecord.profile;

import java.util.List;

import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.VolunteerView;

/**
 * A volunteer's training, awards, evaluations and complaints, each newest first.
 *
 * @param mayManage whether the viewer may add entries and resolve complaints (an admin of
 * the volunteer's unit or a coordinator)
 * @param complaints for an admin every complaint; for the volunteer only resolved ones
 */
public record ProfileRecord(VolunteerView volunteer, UnitView unit, boolean mayManage, List<TrainingRecord> training,
		List<Award> awards, List<Evaluation> evaluations, List<Complaint> complaints) {

	public long openComplaints() {
		return this.complaints.stream().filter(Complaint::isOpen).count();
	}

}
