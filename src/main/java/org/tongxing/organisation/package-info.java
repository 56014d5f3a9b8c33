/**
 * The unit tree of the association: departments, affiliated units, missions abroad,
 * school societies, grassroots branches and volunteer groups under one association root;
 * the admins appointed to units; and {@link org.tongxing.organisation.UnitScope}, the one
 * place that decides which units a signed-in account may see. Other modules use
 * {@link org.tongxing.organisation.Units}, the ids, views and events of this package;
 * sub-packages are internal.
 */
@ApplicationModule(displayName = "Organisation")
package org.tongxing.organisation;

import org.springframework.modulith.ApplicationModule;
