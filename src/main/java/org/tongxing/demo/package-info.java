/**
 * Demo data for a first look: the association of the seed with its units and one account
 * per role, loaded once into the embedded database (or wherever
 * {@code tongxing.demo.enabled=true}). Uses only the APIs of the account and organisation
 * modules.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "shared", "account", "organisation" })
package org.tongxing.demo;

import org.springframework.modulith.ApplicationModule;
