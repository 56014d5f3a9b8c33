package org.tongxing.servicerecord.profile;

/** A correction of a training: its fields and the version the admin saw. */
class TrainingEditForm extends TrainingForm {

	private int version;

	static TrainingEditForm of(TrainingRecord training) {
		TrainingEditForm form = new TrainingEditForm();
		form.setName(training.name());
		form.setContent(training.content());
		form.setHours(training.hours().stripTrailingZeros());
		form.setOrganiser(training.organiser());
		form.setHeldOn(training.heldOn());
		form.version = training.version();
		return form;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
