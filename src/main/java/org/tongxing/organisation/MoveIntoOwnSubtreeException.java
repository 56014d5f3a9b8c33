package org.tongxing.organisation;

/**
 * A unit cannot be moved under itself or under one of its own descendants.
 */
public class MoveIntoOwnSubtreeException extends UnitRuleViolationException {

	public MoveIntoOwnSubtreeException(UnitId unit, UnitId newParent) {
		super("Unit " + unit + " cannot move under " + newParent + ", which is in its own subtree",
				"organisation.error.moveIntoOwnSubtree", "parentId");
	}

}
