package org.tongxing.organisation;

import org.tongxing.organisation.domain.Unit;

/**
 * Units for tests: a root (id 1) and units below it with ids of your choosing.
 */
final class UnitMother {

	private UnitMother() {
	}

	static Unit root() {
		return Unit.association(1, UnitDetails.of("外交部青年志愿者协会", "Association", UnitType.ASSOCIATION));
	}

	static Unit department(Unit parent, long id) {
		Unit unit = parent.createChild(id, UnitDetails.of("部门" + id, "Department " + id, UnitType.DEPARTMENT));
		unit.pullEvents();
		return unit;
	}

	static UnitDetails mission(String zone) {
		return UnitDetails.mission("驻法国使馆", "Embassy in France", "法国", "巴黎", zone);
	}

}
