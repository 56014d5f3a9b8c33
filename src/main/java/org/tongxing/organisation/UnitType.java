package org.tongxing.organisation;

/**
 * What kind of unit a unit is. The tree has exactly one {@link #ASSOCIATION}, its root.
 */
public enum UnitType {

	/** 协会: the root. */
	ASSOCIATION,

	/** 部内司局 (and the coordinator office). */
	DEPARTMENT,

	/** 部属单位. */
	AFFILIATED_UNIT,

	/** 驻外使领馆: has a country, a city and a time zone. */
	MISSION_ABROAD,

	/** 学生社团, e.g. 吾心社. */
	SCHOOL_SOCIETY,

	/** 基层团支部. */
	GRASSROOTS_BRANCH,

	/** 青年志愿者小组. */
	VOLUNTEER_GROUP;

	/**
	 * Types a unit can be created or edited as (the association exists once, as root).
	 */
	public static UnitType[] belowRoot() {
		return new UnitType[] { DEPARTMENT, AFFILIATED_UNIT, MISSION_ABROAD, SCHOOL_SOCIETY, GRASSROOTS_BRANCH,
				VOLUNTEER_GROUP };
	}

}
