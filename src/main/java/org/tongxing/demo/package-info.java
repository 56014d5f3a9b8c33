/**
 * Demo data for a first look: the association of the seed with its units, one account per
 * role and about 1,200 volunteers, loaded once into the embedded database (or wherever
 * {@code tongxing.demo.enabled=true}). Uses the APIs of the account, organisation and
 * volunteer modules, and the plans and activities of the seed's first year and of the
 * current year through those of the planning and activity modules, and service records
 * through the servicerecord module.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "shared", "account", "organisation", "volunteer",
		"planning", "activity", "servicerecord" })
package org.tongxing.demo;

import org.springframework.modulith.ApplicationModule;
