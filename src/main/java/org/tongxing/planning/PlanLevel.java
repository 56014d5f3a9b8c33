package org.tongxing.planning;

/**
 * The two levels of the annual plan: work inside the ministry and work for society.
 */
public enum PlanLevel {

	INTERNAL, SOCIETY

}
