package org.tongxing.volunteer.profile;

/**
 * The qualification was changed or decided after the coordinator looked at it; the
 * decision is not made and the coordinator looks again.
 */
class QualificationChangedException extends RuntimeException {

	QualificationChangedException() {
		super("The qualification changed meanwhile");
	}

}
