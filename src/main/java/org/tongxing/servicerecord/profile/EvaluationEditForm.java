package org.tongxing.servicerecord.profile;

/** A correction of an evaluation: its fields and the version the admin saw. */
class EvaluationEditForm extends EvaluationForm {

	private int version;

	static EvaluationEditForm of(Evaluation evaluation) {
		EvaluationEditForm form = new EvaluationEditForm();
		form.setRating(evaluation.rating());
		form.setEvaluatedOn(evaluation.evaluatedOn());
		form.setEvaluator(evaluation.evaluator());
		form.setComment(evaluation.comment());
		form.version = evaluation.version();
		return form;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
