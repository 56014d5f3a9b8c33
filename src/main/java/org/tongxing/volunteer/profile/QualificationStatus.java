package org.tongxing.volunteer.profile;

/**
 * Where a volunteer's qualification stands: waiting for a coordinator, approved, or
 * rejected with a reason. Adding or changing a qualification makes it pending again.
 */
enum QualificationStatus {

	PENDING, APPROVED, REJECTED

}
