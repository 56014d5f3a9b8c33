package org.tongxing.organisation;

import java.util.List;

/**
 * Contributes figures to a unit's page. The organisation module counts sub-units and
 * admins; later modules (volunteers, activities) add a bean of this type, ordered with
 * {@link org.springframework.core.annotation.Order}, without the organisation module
 * knowing them. Each counter is asked only for units the viewer may see, and should count
 * with one query (by {@link UnitView#id()}, or by {@link UnitView#path()} for whole
 * subtrees).
 */
public interface UnitCounter {

	List<UnitCount> count(UnitView unit);

}
