package org.tongxing.planning;

/**
 * Where a unit's proposal of an activity into a campaign stands.
 */
public enum ProposalStatus {

	PROPOSED, APPROVED, REJECTED

}
