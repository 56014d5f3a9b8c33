package org.tongxing.servicerecord.profile;

/**
 * A correction of an award: its fields, a new proof (replacing the stored one) or the
 * removal of the stored one, and the version the admin saw.
 */
class AwardEditForm extends AwardForm {

	private boolean removeProof;

	private int version;

	static AwardEditForm of(Award award) {
		AwardEditForm form = new AwardEditForm();
		form.setName(award.name());
		form.setAwardedOn(award.awardedOn());
		form.setAwardingBody(award.awardingBody());
		form.setGovernment(award.government());
		form.version = award.version();
		return form;
	}

	public boolean isRemoveProof() {
		return this.removeProof;
	}

	public void setRemoveProof(boolean removeProof) {
		this.removeProof = removeProof;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
